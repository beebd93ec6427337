package dev.saasusers.common.client;

import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.config.ProxySettings;
import feign.Client;
import feign.Request;
import feign.http2client.Http2Client;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

/**
 * The one place that chooses the HTTP transport. The default is Feign's {@link Client.Default}
 * over the JDK's {@code HttpURLConnection}: in docs/BENCHMARKS.md it had the fastest steady
 * per-page time and the fastest cold start of the candidates (feign-java11, feign-okhttp with
 * OkHttp 5, feign-hc5), and it adds no dependency. Switching the default changes only {@link
 * #defaultTransport}.
 */
final class Transports {
  private Transports() {
  }

  /**
   * {@return the caller's transport; else feign-java11 over the caller's JDK client, or when an
   *     executor or a proxy is configured (the JDK client carries both, proxy credentials included);
   *     else null for the measured default, which the HTTP pipeline makes itself so that it can cut a
   *     connection off at the attempt deadline}
   */
  static Client transportFor(ClientOptions options) {
    if (options.transport().isPresent()) {
      return options.transport().get();
    }
    if (options.httpClient().isPresent() || options.executor().isPresent() || options.proxy().isPresent()) {
      return new Http2Client(options.httpClient().orElseGet(() -> newJdkClient(options)));
    }
    return null;
  }

  /**
   * Per-request timeouts. They match the JDK client's own connect timeout and redirect policy,
   * or feign-java11 would build a second JDK client for every differing request.
   */
  static Request.Options requestOptions(ClientOptions options) {
    long connectMillis = options.connectTimeout().toMillis();
    boolean followRedirects = false;
    if (options.transport().isEmpty() && options.httpClient().isPresent()) {
      HttpClient user = options.httpClient().get();
      connectMillis = user.connectTimeout().map(d -> d.toMillis()).orElse(connectMillis);
      followRedirects = user.followRedirects() == HttpClient.Redirect.ALWAYS;
    }
    return new Request.Options(connectMillis, TimeUnit.MILLISECONDS,
        options.readTimeout().toMillis(), TimeUnit.MILLISECONDS, followRedirects);
  }

  static HttpClient newJdkClient(ClientOptions options) {
    // HTTP/1.1: no h2c upgrade attempts on plain-http loopback; redirects are not followed so
    // credentials never travel to another host.
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(options.connectTimeout());
    options.executor().ifPresent(builder::executor);
    options.proxy().ifPresent(proxy -> {
      builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
      if (proxy.username().isPresent()) {
        builder.authenticator(new ProxyCredentials(proxy));
      }
    });
    return builder.build();
  }

  /**
   * Answers proxy challenges only, never a server's. Note: the JDK disables Basic for HTTPS
   * tunnels unless {@code jdk.http.auth.tunneling.disabledSchemes} is cleared.
   */
  private static final class ProxyCredentials extends Authenticator {
    private final ProxySettings proxy;

    ProxyCredentials(ProxySettings proxy) {
      this.proxy = proxy;
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
      if (getRequestorType() != RequestorType.PROXY) {
        return null;
      }
      return new PasswordAuthentication(
          proxy.username().orElse(""), proxy.password().orElse("").toCharArray());
    }

    @Override
    public String toString() {
      return "ProxyCredentials{" + proxy + "}";
    }
  }
}
