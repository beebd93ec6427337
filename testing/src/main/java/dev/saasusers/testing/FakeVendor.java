package dev.saasusers.testing;

import dev.saasusers.common.client.VendorClientBuilder;
import dev.saasusers.common.config.Environment;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A fake vendor: a WireMock server on a free loopback port that serves generated users with the vendor's paging,
 * auth and error shapes, and injects faults on request. Close it to stop the server.
 *
 * <p>Responses are computed per request by a WireMock {@link ResponseDefinitionTransformerV2}; users are serialised
 * once at start, so large listings are cheap.
 */
public abstract class FakeVendor implements AutoCloseable {

    /** Route served by the users endpoint: the only route faults apply to. */
    static final String USERS = "users";
    /** Route for anything no other route matches. */
    static final String NOT_FOUND = "not-found";

    private static final String TRANSFORMER = "saasusers-fake-vendor";
    private static final String ROUTE = "route";
    /** RFC 9110 IMF-fixdate: two-digit day, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final WireMockServer server;
    private final FaultPlan faults = new FaultPlan();
    private final List<ServedRequest> requests = new ArrayList<>();
    private final int userCount;
    private volatile Duration latency;

    FakeVendor(Builder<?, ?> builder) {
        this.userCount = builder.users;
        this.latency = builder.latency;
        this.server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(64)
                .maxRequestJournalEntries(1000)
                .gzipDisabled(true)
                .notifier(new ConsoleNotifier(false))
                .extensions(new VendorTransformer()));
    }

    /** Starts the server and registers the vendor's routes plus a catch-all 404. */
    final void start() {
        server.start();
        registerRoutes();
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(routeTo(NOT_FOUND)));
    }

    /** Registers the vendor's routes with {@link #route(MappingBuilder, String)}. */
    abstract void registerRoutes();

    /** Computes the vendor's normal answer for a request on {@code route}. */
    abstract Reply handle(String route, Request request);

    /** The vendor's error body for {@code status}. */
    abstract Reply error(int status, String message);

    /** Sends requests matching {@code request} to this fake's handler for {@code route}. */
    final void route(MappingBuilder request, String route) {
        // Default priority: stubs a test adds later through server() win over the fake's routes.
        server.stubFor(request.willReturn(routeTo(route)));
    }

    private static ResponseDefinitionBuilder routeTo(String route) {
        return aResponse().withTransformers(TRANSFORMER).withTransformerParameter(ROUTE, route);
    }

    /**
     * The base URL to give a client, e.g. {@code http://127.0.0.1:53211}; the spec's paths are served right below it.
     *
     * @return the base URL, without a trailing slash
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * The environment a vendor client's {@code fromEnv} reads to talk to this fake: its
     * credentials, base URL and (where the API has one) organization, under the vendor's own
     * variable names, for example {@code PANDADOC_API_KEY} and {@code PANDADOC_BASE_URL}.
     *
     * @return the variables; nothing is read from the process environment
     */
    public abstract Environment environment();

    /**
     * Points a vendor client's builder at this fake: credentials, base URL and organization, as
     * {@code fromEnv} would read them from {@link #environment()}.
     *
     * <pre>{@code
     * PandaDocClient client = fake.clientBuilder(PandaDocClient.builder()).build();
     * }</pre>
     *
     * @param builder the vendor's builder, for example {@code PandaDocClient.builder()}
     * @param <B> its type
     * @return the same builder, for more settings
     * @throws IllegalArgumentException when the builder is another vendor's (it does not find
     *     its variables)
     */
    public <B extends VendorClientBuilder<B, ?>> B clientBuilder(B builder) {
        return builder.fromEnv(environment());
    }

    /**
     * How many users the fake holds (including removed or soft-deleted ones).
     *
     * @return the count given at start
     */
    public int userCount() {
        return userCount;
    }

    /**
     * Every user id the fake holds, in the order a full listing serves them (including removed or soft-deleted
     * users, see the vendor's own accessors).
     *
     * @return an unmodifiable list
     */
    public abstract List<String> userIds();

    /**
     * How many requests reached the server (any path, any method, faulted or not) since start or
     * {@link #resetRequests()}.
     *
     * @return the count
     */
    public int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    /**
     * The requests that reached the server, in arrival order.
     *
     * @return a snapshot
     */
    public List<ServedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * The retry of a faulted request: the first later request with the same method and URL. With
     * {@link InjectedFault#retryNotBefore()} it shows whether a client honoured {@code Retry-After}.
     *
     * @param fault a fault from {@link FaultPlan#injected()}
     * @return the retry, or empty when the request was not repeated
     */
    public Optional<ServedRequest> retryOf(InjectedFault fault) {
        Objects.requireNonNull(fault, "fault");
        boolean seenFaulted = false;
        for (ServedRequest request : requests()) {
            if (!request.method().equals(fault.method()) || !request.url().equals(fault.url())) {
                continue;
            }
            if (seenFaulted) {
                return Optional.of(request);
            }
            seenFaulted = request.receivedAt().equals(fault.at()) && request.fault().isPresent();
        }
        return Optional.empty();
    }

    /** Forgets the requests served and the faults injected (the fault plan itself is kept). */
    public void resetRequests() {
        synchronized (requests) {
            requests.clear();
        }
        faults.resetLog();
        server.resetRequests();
        onResetRequests();
    }

    /** Lets a vendor reset its own counters. */
    void onResetRequests() {
    }

    /**
     * The fault plan for the users endpoint.
     *
     * @return the live plan
     */
    public FaultPlan faults() {
        return faults;
    }

    /**
     * Sets a delay added to every response, e.g. to model network latency in benchmarks.
     *
     * @param latency the delay, zero for none
     * @return this fake
     */
    public FakeVendor latency(Duration latency) {
        this.latency = nonNegative(latency);
        return this;
    }

    /**
     * The delay added to every response.
     *
     * @return the latency (zero by default)
     */
    public Duration latency() {
        return latency;
    }

    /**
     * The underlying WireMock server: an escape hatch for custom stubs and verification. A stub added here (at the
     * default priority) takes precedence over the fake's own routes, e.g. to serve HTML or a huge body; such stubs
     * bypass the fault plan and the request log.
     *
     * @return the running server
     */
    public WireMockServer server() {
        return server;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        // Credentials stay out on purpose.
        return getClass().getSimpleName() + "[baseUrl=" + (server.isRunning() ? baseUrl() : "stopped")
                + ", users=" + userCount + "]";
    }

    private ResponseDefinition serve(ServeEvent event) {
        Request request = event.getRequest();
        String route = event.getTransformerParameters().getString(ROUTE);
        Instant now = Instant.now();
        String method = request.getMethod().getName();
        InjectedFault injected = USERS.equals(route) ? faults.decide(method, request.getUrl(), now) : null;
        FakeFault fault = injected == null ? null : injected.fault();
        synchronized (requests) {
            requests.add(new ServedRequest(now, method, request.getUrl(), Optional.ofNullable(fault)));
        }
        long delayMillis = latency.toMillis();
        if (fault != null && fault.networkFault() != null) {
            return aResponse().withFault(fault.networkFault()).withFixedDelay(toInt(delayMillis)).build();
        }
        Reply reply;
        if (fault != null && fault.isRateLimit()) {
            String retryAfter = fault == FakeFault.RATE_LIMITED
                    ? Long.toString(faults.retryAfterSeconds())
                    : HTTP_DATE.format(injected.retryNotBefore().atOffset(ZoneOffset.UTC));
            reply = error(429, "Rate limit exceeded, retry later").withHeader("Retry-After", retryAfter);
        } else if (fault != null && fault.status() >= 500) {
            reply = error(fault.status(), "Injected fault: " + fault);
        } else {
            reply = handleSafely(route, request);
            if (fault == FakeFault.TRUNCATED_JSON) {
                reply = reply.truncated();
            } else if (fault == FakeFault.SLOW_RESPONSE) {
                delayMillis += faults.slowResponseDelay().toMillis();
            }
        }
        ResponseDefinitionBuilder response = aResponse().withStatus(reply.status()).withBody(reply.body());
        reply.headers().forEach(response::withHeader);
        if (delayMillis > 0) {
            response.withFixedDelay(toInt(delayMillis));
        }
        return response.build();
    }

    private Reply handleSafely(String route, Request request) {
        if (NOT_FOUND.equals(route)) {
            return error(404, "No route for " + request.getMethod() + " " + request.getUrl());
        }
        try {
            return handle(route, request);
        } catch (RuntimeException e) {
            return error(500, "Fake vendor failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The credential after {@code scheme} in the Authorization header (scheme compared case-insensitively), or null
     * when the header is missing or uses another scheme.
     */
    static String credential(Request request, String scheme) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= scheme.length() + 1
                || !header.regionMatches(true, 0, scheme, 0, scheme.length())
                || header.charAt(scheme.length()) != ' ') {
            return null;
        }
        return header.substring(scheme.length() + 1);
    }

    /** Whether {@code given} equals {@code expected}, in time independent of where they differ. */
    static boolean matches(String given, String expected) {
        return given != null && java.security.MessageDigest.isEqual(
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The second-to-last path segment (the {@code {org_id}} in {@code .../{org_id}/users}), without the query. */
    static String orgSegment(Request request) {
        String path = request.getUrl();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String[] segments = path.split("/");
        return segments.length >= 2 ? java.net.URLDecoder.decode(segments[segments.length - 2],
                java.nio.charset.StandardCharsets.UTF_8) : "";
    }

    /** Parses a UUID, or null when {@code text} is not one. */
    static java.util.UUID parseUuid(String text) {
        try {
            java.util.UUID id = java.util.UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A query parameter's first value, or null when absent. */
    static String query(Request request, String name) {
        var parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    static String nonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static int toInt(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    static Duration nonNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        return duration;
    }

    /** Routes WireMock's per-request transformation to this fake. */
    private final class VendorTransformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return serve(serveEvent);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }

    /**
     * Settings shared by every fake's builder.
     *
     * @param <B> the concrete builder
     * @param <F> the fake it starts
     */
    public abstract static class Builder<B extends Builder<B, F>, F extends FakeVendor> {
        int users = 25;
        long seed = 42;
        Duration latency = Duration.ZERO;

        Builder() {
        }

        /**
         * How many users to generate (default 25).
         *
         * @param count at least 0
         * @return this builder
         */
        public B users(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("users must be >= 0, was " + count);
            }
            this.users = count;
            return self();
        }

        /**
         * The seed users and credentials are generated from (default 42): the same seed gives the same data.
         *
         * @param seed any value
         * @return this builder
         */
        public B seed(long seed) {
            this.seed = seed;
            return self();
        }

        /**
         * A delay added to every response (default none).
         *
         * @param latency zero or more
         * @return this builder
         */
        public B latency(Duration latency) {
            this.latency = nonNegative(latency);
            return self();
        }

        /**
         * Generates the users and starts the fake on a free loopback port.
         *
         * @return the running fake
         */
        public abstract F start();

        abstract B self();
    }
}
