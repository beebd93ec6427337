package dev.saasusers.common.config;

import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What carries a client's requests: the SDK's default transport unless the caller gives a Feign
 * transport of their own, a JDK {@link HttpClient}, an executor or a proxy (any of the last three
 * selects the JDK client, which carries them). A caller's Feign transport wins over the rest.
 *
 * @param transport a caller's Feign transport, or null
 * @param httpClient a caller's JDK HTTP client, or null
 * @param executor an executor for the JDK client's asynchronous work, or null
 * @param proxy an HTTP proxy, or null
 */
public record TransportChoice(feign.Client transport, HttpClient httpClient, Executor executor,
    ProxySettings proxy) {
  /** The SDK's default transport, chosen by measurement, with no proxy. */
  public static final TransportChoice DEFAULT = new TransportChoice(null, null, null, null);

  /** {@return the caller's Feign transport, if any} */
  public Optional<feign.Client> customTransport() {
    return Optional.ofNullable(transport);
  }

  /** {@return the caller's JDK HTTP client, if any} */
  public Optional<HttpClient> customHttpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** {@return the executor for the JDK client, if any} */
  public Optional<Executor> customExecutor() {
    return Optional.ofNullable(executor);
  }

  /** {@return the HTTP proxy, if any} */
  public Optional<ProxySettings> proxySettings() {
    return Optional.ofNullable(proxy);
  }

  @Override
  public String toString() {
    return "transport=" + (transport != null ? transport.getClass().getSimpleName() : "default")
        + ", httpClient=" + (httpClient != null ? "custom" : "default")
        + ", executor=" + (executor != null ? "custom" : "default")
        + ", proxy=" + proxy;
  }
}
