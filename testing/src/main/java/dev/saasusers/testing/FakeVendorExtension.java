package dev.saasusers.testing;

import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.client.VendorClientBuilder;
import dev.saasusers.common.http.VirtualTime;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs a fake vendor for a test class, with a fresh {@link VirtualTime}
 * per test and a client builder pointed at the fake. Given the vendor's builder too, it starts
 * and warms the fake once per class, so each test measures only its own calls.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeVendorExtension<FakePandaDoc> PANDADOC =
 *     FakeVendorExtension.of(() -> FakePandaDoc.start(250), PandaDocClient::builder);
 *
 * @Test
 * void aRateLimitIsRetriedAfterRetryAfter() {
 *   PANDADOC.fake().faults().next(FakeFault.RATE_LIMITED);
 *   PandaDocClient client = PANDADOC.clientBuilder(PandaDocClient.builder()).build();
 *   assertEquals(250, client.users().list().stream().count());
 *   assertEquals(List.of(Duration.ofSeconds(1)), PANDADOC.time().waits());   // no real second
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the fake starts once before the class's tests and stops after
 * them; before each test its faults and served requests are cleared. In an instance field each
 * test gets its own fake.
 *
 * <p>The warm-up: the first client a JVM builds and its first listing load Feign, Jackson, the
 * transport and the SDK's paging and retry code (about half a second, a cold JVM's class
 * loading, while the same test takes tens of milliseconds warm). With the vendor's builder the
 * extension pays that once, right after the fake starts: it builds a client on the fake, on a
 * virtual time of its own, answers its first request with a 429 and lists up to three pages,
 * twice (the second time the code is compiled, not only loaded), then closes it. The fake's
 * faults and served requests are cleared before each test, so the warm-up leaves nothing a test
 * sees.
 *
 * @param <F> the fake's type
 */
public final class FakeVendorExtension<F extends FakeVendor>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  /** Listings and pages of each the warm-up runs: the first page, the next, the last one. */
  private static final int WARM_UP_LISTINGS = 2;
  private static final int WARM_UP_PAGES = 3;
  private final Supplier<F> starter;
  private final BiFunction<F, VirtualTime, VendorClient<?, ?, ?, ?>> warmUpClient;
  private F fake;
  private boolean perTest;
  private VirtualTime time;

  private FakeVendorExtension(Supplier<F> starter,
      BiFunction<F, VirtualTime, VendorClient<?, ?, ?, ?>> warmUpClient) {
    this.starter = Objects.requireNonNull(starter, "starter");
    this.warmUpClient = warmUpClient;
  }

  /**
   * Creates the extension, without a warm-up; nothing starts until JUnit runs it.
   *
   * @param starter starts the fake, for example {@code () -> FakeDatagrid.start(120)}
   * @param <F> the fake's type
   * @return the extension, to put in a {@code @RegisterExtension} field
   */
  public static <F extends FakeVendor> FakeVendorExtension<F> of(Supplier<F> starter) {
    return new FakeVendorExtension<>(starter, null);
  }

  /**
   * Creates the extension that warms the fake with the vendor's client once it starts (see the
   * class comment); nothing starts until JUnit runs it.
   *
   * @param starter starts the fake, for example {@code () -> FakeDatagrid.start(120)}
   * @param builder the vendor's builder, for example {@code DatagridClient::builder}
   * @param <F> the fake's type
   * @param <B> the vendor builder's type
   * @return the extension, to put in a {@code @RegisterExtension} field
   */
  public static <F extends FakeVendor, B extends VendorClientBuilder<B, ? extends VendorClient<?, ?, ?, ?>>>
      FakeVendorExtension<F> of(Supplier<F> starter, Supplier<B> builder) {
    Objects.requireNonNull(builder, "builder");
    return new FakeVendorExtension<>(starter,
        (fake, time) -> fake.clientBuilder(builder.get()).timeSource(time).build());
  }

  /** {@return the running fake} */
  public F fake() {
    if (fake == null) {
      throw new IllegalStateException("the fake runs only while a test of its class runs");
    }
    return fake;
  }

  /** {@return this test's virtual time: every wait of a client built here passes at once} */
  public VirtualTime time() {
    if (time == null) {
      throw new IllegalStateException("virtual time is made for each test, before it runs");
    }
    return time;
  }

  /**
   * Points a vendor client's builder at the fake, on this test's {@link #time()}.
   *
   * @param builder the vendor's builder, for example {@code DatagridClient.builder()}
   * @param <B> its type
   * @return the same builder, for more settings
   * @throws IllegalArgumentException when the builder is another vendor's
   */
  public <B extends VendorClientBuilder<B, ?>> B clientBuilder(B builder) {
    return fake().clientBuilder(builder).timeSource(time());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    fake = startAndWarm();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (fake == null) { // an instance field: JUnit calls no beforeAll
      fake = startAndWarm();
      perTest = true;
    }
    fake.faults().clear();
    fake.resetRequests();
    time = VirtualTime.create();
  }

  private F startAndWarm() {
    F started = starter.get();
    if (warmUpClient != null) {
      started.faults().next(FakeFault.RATE_LIMITED);
      try (VendorClient<?, ?, ?, ?> client = warmUpClient.apply(started, VirtualTime.create())) {
        for (int listing = 0; listing < WARM_UP_LISTINGS; listing++) {
          try (Stream<?> pages = client.users().list().pageStream()) {
            pages.limit(WARM_UP_PAGES).forEach(page -> { });
          }
        }
      } catch (RuntimeException e) {
        started.close();
        throw new IllegalStateException("warming up " + started + " failed: " + e.getMessage(), e);
      }
    }
    return started;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    time = null;
    if (perTest) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  private void stop() {
    if (fake != null) {
      fake.close();
      fake = null;
    }
  }

  @Override
  public String toString() {
    return "FakeVendorExtension{" + (fake == null ? "not running" : fake) + "}";
  }
}
