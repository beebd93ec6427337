package dev.saasusers.common.http;

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
final class WireMockSupport {
  static final VendorProfile VENDOR = VendorProfile.of("test", "Test");
  static final String OK_BODY = "{\"id\":1,\"name\":\"alice\"}";

  private WireMockSupport() {
  }

  static WireMockExtension server() {
    return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  }

  /** Small backoffs keep the suite fast; the retry rules are the same. */
  static ClientOptions.Builder options(WireMockExtension wm) {
    return ClientOptions.builder()
        .baseUrl(wm.baseUrl())
        .initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(40));
  }

  static TestApi api(ClientOptions options) {
    return ClientRuntime.create(VENDOR, options).api(TestApi.class);
  }

  /** Sends {@code Bearer tok-N}; invalidate moves to the next token and reports success. */
  static final class RotatingTokens implements Authenticator {
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
