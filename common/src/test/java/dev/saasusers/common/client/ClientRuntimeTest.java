package dev.saasusers.common.client;

import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.TestApi;
import dev.saasusers.common.http.VirtualTime;
import dev.saasusers.common.http.WireMockSupport;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.saasusers.common.http.WireMockSupport.OK_BODY;
import static dev.saasusers.common.http.WireMockSupport.VENDOR;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.AuthContext;
import dev.saasusers.common.auth.Authenticator;
import dev.saasusers.common.config.ClientOptions;
import feign.Client;
import feign.RequestTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientRuntimeTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  @Test
  void userAgentNamesSdkVersionVendorAndJava() {
    wm.stubFor(get("/items").willReturn(okJson(OK_BODY)));
    ClientRuntime runtime = ClientRuntime.create(VENDOR, options(wm).userAgentSuffix("my-app/2").build());
    runtime.api(TestApi.class).listItems();
    String expected = "saas-users-java/0.1.0-SNAPSHOT test Java/" + System.getProperty("java.version")
        + " my-app/2";
    assertEquals(expected, runtime.userAgent());
    wm.verify(getRequestedFor(urlEqualTo("/items")).withHeader("User-Agent", equalTo(expected)));
    assertTrue(Pattern.matches("saas-users-java/[0-9][^ ]* test Java/[^ ]+ my-app/2", expected));
  }

  @Test
  void defaultHeadersAreSentOnceEvenOnRetries() {
    wm.stubFor(get("/items").inScenario("h").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
    wm.stubFor(get("/items").inScenario("h").whenScenarioStateIs("ok").willReturn(okJson(OK_BODY)));
    ClientRuntime.create(VENDOR, options(wm).header("X-Team", "blue").build())
        .api(TestApi.class).listItems();
    wm.verify(2, getRequestedFor(urlEqualTo("/items")).withHeader("X-Team", equalTo("blue")));
    wm.getAllServeEvents().forEach(e -> {
      assertEquals(1, e.getRequest().getHeaders().getHeader("X-Team").values().size());
      assertEquals(1, e.getRequest().getHeaders().getHeader("User-Agent").values().size());
    });
  }

  @Test
  void withOptionsSharesTransportAuthenticatorAndRateLimiter() {
    wm.stubFor(get("/items").willReturn(okJson(OK_BODY)));
    AtomicInteger binds = new AtomicInteger();
    Authenticator auth = new Authenticator() {
      @Override
      public Authenticator bind(AuthContext context) {
        binds.incrementAndGet();
        return this;
      }

      @Override
      public void apply(RequestTemplate template) {
      }
    };
    ClientRuntime base = ClientRuntime.create(VENDOR, options(wm).authenticator(auth).build());
    ClientRuntime derived = base.withOptions(
        base.options().toBuilder().readTimeout(Duration.ofSeconds(5)).header("X-Extra", "1").build());
    assertSame(base.transport(), derived.transport());
    assertSame(base.boundAuthenticator(), derived.boundAuthenticator());
    assertEquals(1, binds.get(), "derived runtime bound the authenticator again");
    assertEquals(Duration.ofSeconds(5), derived.options().readTimeout());
    derived.api(TestApi.class).listItems();
    wm.verify(getRequestedFor(urlEqualTo("/items")).withHeader("X-Extra", equalTo("1")));
  }

  @Test
  void callersOwnTransportIsUsed() {
    wm.stubFor(get("/items").willReturn(okJson(OK_BODY)));
    AtomicInteger calls = new AtomicInteger();
    Client jdk = new Client.Default(null, null);
    Client counting = (request, opts) -> {
      calls.incrementAndGet();
      return jdk.execute(request, opts);
    };
    ClientRuntime runtime = ClientRuntime.create(VENDOR, options(wm).transport(counting).build());
    assertEquals("alice", runtime.api(TestApi.class).listItems().name());
    assertEquals(1, calls.get());
    ClientRuntime other = runtime.withOptions(
        runtime.options().toBuilder().transport(jdk).build());
    assertNotSame(runtime.transport(), other.transport());
  }

  @Test
  void rateLimitSpacesRequestsAcrossThreadsAndDerivedClients() throws Exception {
    wm.stubFor(get("/items").willReturn(okJson(OK_BODY)));
    VirtualTime time = VirtualTime.create();
    ClientRuntime runtime = ClientRuntime.create(VENDOR,
        WireMockSupport.options(wm, time).requestsPerSecond(5).build());
    TestApi api = runtime.api(TestApi.class);
    TestApi derived = runtime.withOptions(runtime.options().toBuilder().header("X-D", "1").build())
        .api(TestApi.class);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TestApi caller = i % 2 == 0 ? api : derived;
      Thread t = new Thread(() -> {
        for (int n = 0; n < 3; n++) {
          caller.listItems();
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
    // 12 requests at 5/s take slots 0, 200 ms, ..., 2.2 s, whatever thread or derived client
    // sends them: the virtual clock ends at the last slot.
    assertEquals(12, wm.getAllServeEvents().size());
    assertEquals(Duration.ofMillis(2200), time.elapsed());
  }

  @Test
  void listenersSeeEveryAttemptWithItsNumber() {
    wm.stubFor(get("/items").inScenario("l").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    wm.stubFor(get("/items").inScenario("l").whenScenarioStateIs("ok").willReturn(okJson(OK_BODY)));
    List<Object> events = new ArrayList<>();
    ClientOptions o = options(wm).addListener(new ClientListener() {
      @Override
      public void onRequestSent(RequestSent e) {
        events.add("sent " + e.attempt() + " " + e.method() + " " + e.path());
      }

      @Override
      public void onResponseReceived(ResponseReceived e) {
        events.add("received " + e.attempt() + " " + e.status());
      }

      @Override
      public void onRetryScheduled(RetryScheduled e) {
        events.add("retry " + e.nextAttempt() + " " + e.cause());
      }
    }).build();
    ClientRuntime.create(VENDOR, o).api(TestApi.class).listItems();
    assertEquals(List.of("sent 1 GET /items", "received 1 503", "retry 2 HTTP 503",
        "sent 2 GET /items", "received 2 200"), events);
  }
}
