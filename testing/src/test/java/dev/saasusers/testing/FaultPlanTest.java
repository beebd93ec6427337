package dev.saasusers.testing;

import static dev.saasusers.testing.LoopbackHttp.get;
import static dev.saasusers.testing.LoopbackHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaultPlanTest {

    private static FakeDatagrid fake;

    @BeforeAll
    static void start() {
        fake = FakeDatagrid.start(300);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @AfterEach
    void reset() {
        fake.faults().clear().retryAfter(Duration.ofSeconds(1)).slowResponseDelay(Duration.ofSeconds(2));
        fake.latency(Duration.ZERO);
        fake.resetRequests();
    }

    private static String url(String query) {
        return fake.baseUrl() + "/organization/users" + query;
    }

    private static HttpResponse<String> fetch(String query) throws Exception {
        return LoopbackHttp.send(LoopbackHttp.fresh(), url(query), "Bearer " + fake.apiKey());
    }

    @ParameterizedTest
    @EnumSource(value = FakeFault.class, names = {"INTERNAL_ERROR", "BAD_GATEWAY", "SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT"})
    void serverErrorsAnswerTheirStatusInTheVendorShapeOnce(FakeFault fault) throws Exception {
        fake.faults().next(fault);

        HttpResponse<String> faulted = fetch("?limit=10");
        assertEquals(fault.status(), faulted.statusCode());
        assertEquals(fault.status(), json(faulted).get("status_code").asInt());
        assertEquals(200, fetch("?limit=10").statusCode(), "a queued fault hits one request only");
        assertEquals(1, fake.faults().injectedCount(fault));
    }

    @Test
    void rateLimitSendsRetryAfterInSecondsRoundedUp() throws Exception {
        fake.faults().retryAfter(Duration.ofMillis(1500)).next(FakeFault.RATE_LIMITED);

        HttpResponse<String> response = fetch("");
        assertEquals(429, response.statusCode());
        assertEquals("2", response.headers().firstValue("Retry-After").orElseThrow());
        InjectedFault injected = fake.faults().injected().get(0);
        assertEquals(injected.at().plusSeconds(2), injected.retryNotBefore());
    }

    @Test
    void rateLimitCanSendRetryAfterAsHttpDate() throws Exception {
        fake.faults().retryAfter(Duration.ofSeconds(3)).next(FakeFault.RATE_LIMITED_HTTP_DATE);

        HttpResponse<String> response = fetch("");
        assertEquals(429, response.statusCode());
        Instant date = ZonedDateTime.parse(response.headers().firstValue("Retry-After").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        InjectedFault injected = fake.faults().injected().get(0);
        assertEquals(injected.retryNotBefore(), date);
        assertFalse(date.isBefore(injected.at().plusSeconds(3)), "the date is at least retryAfter away");
        assertTrue(response.headers().firstValue("Retry-After").orElseThrow()
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), "IMF-fixdate");
    }

    @Test
    void retryOfFindsTheRepeatOfAFaultedRequestToMeasureTheGap() throws Exception {
        fake.faults().next(FakeFault.RATE_LIMITED);
        fetch("?limit=3");
        fetch("?limit=4");
        Thread.sleep(50);
        fetch("?limit=3");

        InjectedFault rateLimit = fake.faults().injected().get(0);
        ServedRequest retry = fake.retryOf(rateLimit).orElseThrow();
        assertEquals(fake.requests().get(2), retry);
        assertTrue(Duration.between(rateLimit.at(), retry.receivedAt()).toMillis() >= 50);
        fake.faults().next(FakeFault.BAD_GATEWAY);
        fetch("?limit=9");
        assertTrue(fake.retryOf(fake.faults().injected().get(1)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = FakeFault.class, names = {"CONNECTION_RESET", "RESET_MID_BODY", "EMPTY_REPLY"})
    void socketFaultsRaiseIOExceptionInTheJdkClient(FakeFault fault) throws Exception {
        // fetch() uses a fresh client: on a pooled connection the JDK client may silently retry the GET once.
        fake.faults().next(fault);

        assertThrows(IOException.class, () -> fetch(""));
        assertEquals(1, fake.faults().injectedCount(fault));
        assertEquals(1, fake.requestCount(), "no silent client retry");
    }

    @Test
    void truncatedJsonIsAComplete200ThatDoesNotParse() throws Exception {
        String full = fetch("?limit=20").body();
        fake.faults().next(FakeFault.TRUNCATED_JSON);

        HttpResponse<String> truncated = fetch("?limit=20");
        assertEquals(200, truncated.statusCode());
        assertEquals(full.substring(0, truncated.body().length()), truncated.body());
        assertTrue(truncated.body().length() < full.length());
        assertThrows(JsonProcessingException.class, () -> LoopbackHttp.JSON.readTree(truncated.body()));
    }

    @Test
    void slowResponseTriggersAClientReadTimeout() throws Exception {
        fake.faults().slowResponseDelay(Duration.ofMillis(1500)).next(FakeFault.SLOW_RESPONSE);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(""))).timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + fake.apiKey()).build();

        assertThrows(HttpTimeoutException.class,
                () -> LoopbackHttp.fresh().send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, fake.faults().injectedCount(FakeFault.SLOW_RESPONSE));
    }

    @Test
    void queuedFaultsHitTheNextRequestsInOrder() throws Exception {
        fake.faults().next(FakeFault.BAD_GATEWAY, FakeFault.RATE_LIMITED, FakeFault.GATEWAY_TIMEOUT);

        assertEquals(List.of(502, 429, 504, 200),
                List.of(fetch("").statusCode(), fetch("").statusCode(), fetch("").statusCode(), fetch("").statusCode()));
        assertEquals(3, fake.faults().injectedCount());
    }

    @Test
    void downAnswers503UntilCleared() throws Exception {
        fake.faults().down();
        for (int i = 0; i < 3; i++) {
            assertEquals(503, fetch("").statusCode());
        }
        fake.faults().clear();
        assertEquals(200, fetch("").statusCode());
    }

    @Test
    void alwaysAfterFailsMidListing() throws Exception {
        fake.faults().alwaysAfter(2, FakeFault.INTERNAL_ERROR);

        assertEquals(List.of(200, 200, 500, 500),
                List.of(fetch("").statusCode(), fetch("").statusCode(), fetch("").statusCode(), fetch("").statusCode()));
    }

    @Test
    void everyRequestOnceFaultsEachPageOnceAndItsRetrySucceeds() throws Exception {
        List<FakeFault> schedule = List.of(FakeFault.RATE_LIMITED, FakeFault.INTERNAL_ERROR, FakeFault.TRUNCATED_JSON,
                FakeFault.CONNECTION_RESET, FakeFault.EMPTY_REPLY, FakeFault.RATE_LIMITED_HTTP_DATE);
        fake.faults().retryAfter(Duration.ofMillis(1)).everyRequestOnce(schedule.toArray(FakeFault[]::new));
        HttpClient client = LoopbackHttp.fresh();

        List<String> ids = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            String query = "?limit=50" + (after == null ? "" : "&after=" + after);
            JsonNode page = null;
            for (int attempt = 0; page == null; attempt++) {
                assertTrue(attempt < 3, "retry of " + query + " succeeds");
                page = tryPage(client, query);
            }
            pages++;
            page.get("data").forEach(user -> ids.add(user.get("id").asText()));
            if (!page.get("has_more").asBoolean()) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }

        assertEquals(fake.userIds(), ids);
        assertEquals(6, pages);
        assertEquals(pages, fake.faults().injectedCount(), "one fault per page");
        List<FakeFault> injected = fake.faults().injected().stream().map(InjectedFault::fault).toList();
        assertEquals(schedule, injected);
    }

    private static JsonNode tryPage(HttpClient client, String query) throws InterruptedException {
        try {
            HttpResponse<String> response = LoopbackHttp.send(client, url(query), "Bearer " + fake.apiKey());
            return response.statusCode() == 200 ? LoopbackHttp.JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void requestLogRecordsEachRequestWithItsFault() throws Exception {
        fake.faults().next(FakeFault.RATE_LIMITED);
        fetch("?limit=5");
        fetch("?limit=5");

        List<ServedRequest> requests = fake.requests();
        assertEquals(2, fake.requestCount());
        assertEquals(Optional.of(FakeFault.RATE_LIMITED), requests.get(0).fault());
        assertEquals(Optional.empty(), requests.get(1).fault());
        assertEquals("/organization/users?limit=5", requests.get(1).url());
        assertEquals("GET", requests.get(1).method());
        assertFalse(requests.get(1).receivedAt().isBefore(requests.get(0).receivedAt()));
        assertEquals(requests.get(0).receivedAt(), fake.faults().injected().get(0).at());
    }

    @Test
    void latencyDelaysEveryResponse() throws Exception {
        fake.latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertEquals(200, fetch("").statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void planIsSafeUnderConcurrentRequests() throws Exception {
        fake.faults().next(FakeFault.INTERNAL_ERROR, FakeFault.INTERNAL_ERROR, FakeFault.INTERNAL_ERROR,
                FakeFault.INTERNAL_ERROR, FakeFault.INTERNAL_ERROR);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                statuses.add(pool.submit(() -> get(url("?limit=1"), "Bearer " + fake.apiKey()).statusCode()));
            }
            int errors = 0;
            for (Future<Integer> status : statuses) {
                errors += status.get() == 500 ? 1 : 0;
            }
            assertEquals(5, errors);
            assertEquals(64, fake.requestCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stubsAddedThroughTheServerTakePrecedenceOverTheFakesRoutes() throws Exception {
        var stub = fake.server().stubFor(WireMock
                .get(WireMock.urlPathEqualTo("/organization/users"))
                .willReturn(WireMock.aResponse()
                        .withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));
        try {
            assertEquals("<html>maintenance</html>", fetch("").body());
        } finally {
            fake.server().removeStub(stub);
        }
        assertEquals(200, fetch("").statusCode());
        assertTrue(fetch("").body().startsWith("{\"object\":\"list\""));
    }

    @Test
    void badPlanInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fake.faults().next());
        assertThrows(IllegalArgumentException.class, () -> fake.faults().everyRequestOnce((FakeFault) null));
        assertThrows(IllegalArgumentException.class, () -> fake.faults().retryAfter(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> fake.faults().alwaysAfter(-1, FakeFault.BAD_GATEWAY));
        assertThrows(IllegalArgumentException.class, () -> fake.latency(Duration.ofMillis(-1)));
    }
}
