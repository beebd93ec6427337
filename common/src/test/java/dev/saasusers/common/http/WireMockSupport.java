package dev.saasusers.common.http;

import dev.saasusers.common.client.ClientRuntime;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.Authenticator;
import dev.saasusers.common.config.ClientOptions;
import feign.RequestTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared set-up: a WireMock server on a random loopback port and fast-retrying options. */
/** Loopback WireMock set-up shared by the HTTP and client tests. */
public final class WireMockSupport {
  public static final VendorProfile VENDOR = VendorProfile.of("test", "Test");
  public static final String OK_BODY = "{\"id\":1,\"name\":\"alice\"}";

  private WireMockSupport() {
  }

  public static WireMockExtension server() {
    return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  }

  /** Virtual time keeps the suite fast; the retry rules are the same. */
  public static ClientOptions.Builder options(WireMockExtension wm) {
    return options(wm, VirtualTime.create());
  }

  /** Options on the given virtual time, for tests that assert the waits. */
  public static ClientOptions.Builder options(WireMockExtension wm, VirtualTime time) {
    return ClientOptions.builder()
        .baseUrl(wm.baseUrl())
        .initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(40))
        .timeSource(time);
  }

  public static TestApi api(ClientOptions options) {
    return ClientRuntime.create(VENDOR, options).api(TestApi.class);
  }

  /** Sends {@code Bearer tok-N}; invalidate moves to the next token and reports success. */
  public static final class RotatingTokens implements Authenticator {
    final AtomicInteger generation = new AtomicInteger(1);
    final List<String> invalidated = Collections.synchronizedList(new ArrayList<>());
    private final boolean refreshes;

    RotatingTokens(boolean refreshes) {
      this.refreshes = refreshes;
    }

    @Override
    public void apply(RequestTemplate template) {
      template.removeHeader("Authorization");
      template.header("Authorization", "Bearer tok-" + generation.get());
    }

    @Override
    public boolean invalidate(String rejectedAuthorization) {
      invalidated.add(rejectedAuthorization);
      generation.incrementAndGet();
      return refreshes;
    }

    @Override
    public String toString() {
      return "RotatingTokens";
    }
  }
}
