package dev.saasusers.testing;

import static dev.saasusers.testing.LoopbackHttp.get;
import static dev.saasusers.testing.LoopbackHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakeDatagridTest {

    private static final Set<String> ROLES = Set.of("owner", "admin", "member", "contributor", "collaborator");
    private static FakeDatagrid fake;

    @BeforeAll
    static void start() {
        fake = FakeDatagrid.start(250);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private static JsonNode page(String query) throws Exception {
        HttpResponse<String> response = get(fake.baseUrl() + "/organization/users" + query, "Bearer " + fake.apiKey());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode page = json(response);
        assertEquals("list", page.get("object").asText());
        return page;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(user -> ids.add(user.get("id").asText()));
        return ids;
    }

    /** Follows {@code after} cursors from the first page; returns ids in order and counts pages. */
    private static List<String> traverse(FakeDatagrid target, int limit, int[] pages) throws Exception {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            String url = target.baseUrl() + "/organization/users?limit=" + limit + (after == null ? "" : "&after=" + after);
            JsonNode page = json(get(url, "Bearer " + target.apiKey()));
            pages[0]++;
            List<String> pageIds = ids(page);
            ids.addAll(pageIds);
            if (!page.get("has_more").asBoolean()) {
                return ids;
            }
            after = pageIds.get(pageIds.size() - 1);
        }
    }

    @Test
    void afterCursorTraversalGivesEveryIdOnceWithHasMoreOnlyBeforeTheEnd() throws Exception {
        int[] pages = {0};
        List<String> ids = traverse(fake, 100, pages);

        assertEquals(fake.userIds(), ids);
        assertEquals(3, pages[0]);
        assertEquals(50, ids(page("?limit=100&after=" + fake.userIds().get(199))).size());
        assertFalse(page("?limit=100&after=" + fake.userIds().get(199)).get("has_more").asBoolean());
    }

    @Test
    void defaultLimitIsFifty() throws Exception {
        JsonNode first = page("");
        assertEquals(fake.userIds().subList(0, 50), ids(first));
        assertTrue(first.get("has_more").asBoolean());
    }

    @Test
    void beforeCursorPagesBackwards() throws Exception {
        JsonNode middle = page("?limit=100&before=" + fake.userIds().get(150));
        assertEquals(fake.userIds().subList(50, 150), ids(middle));
        assertTrue(middle.get("has_more").asBoolean(), "users 0..49 precede the page");

        JsonNode start = page("?limit=100&before=" + fake.userIds().get(50));
        assertEquals(fake.userIds().subList(0, 50), ids(start));
        assertFalse(start.get("has_more").asBoolean());
    }

    @Test
    void searchFiltersByNameOrEmailCaseInsensitivelyAndPagesWithinResults() throws Exception {
        String firstEmail = json(get(fake.baseUrl() + "/organization/users?limit=1", "Bearer " + fake.apiKey()))
                .get("data").get(0).get("email").asText();
        String term = firstEmail.substring(0, firstEmail.indexOf('.')).toUpperCase(Locale.ROOT);
        String search = "&search=" + URLEncoder.encode(term, StandardCharsets.UTF_8);

        JsonNode all = page("?limit=100" + search);
        assertTrue(all.get("data").size() > 1);
        assertTrue(all.get("data").size() < 250);
        for (JsonNode user : all.get("data")) {
            String text = (user.get("first_name").asText() + " " + user.get("last_name").asText() + " "
                    + user.get("email").asText()).toLowerCase(Locale.ROOT);
            assertTrue(text.contains(term.toLowerCase(Locale.ROOT)), text);
        }
        JsonNode firstOne = page("?limit=1" + search);
        JsonNode secondOne = page("?limit=1" + search + "&after=" + ids(firstOne).get(0));
        assertEquals(ids(all).subList(0, 2), List.of(ids(firstOne).get(0), ids(secondOne).get(0)));
    }

    @Test
    void usersAreRealistic() throws Exception {
        JsonNode data = page("?limit=100").get("data");
        Set<String> roles = new HashSet<>();
        boolean nonAscii = false;
        for (JsonNode user : data) {
            roles.add(user.get("permissions").get("role").asText());
            nonAscii |= !(user.get("first_name").asText() + user.get("last_name").asText()).chars().allMatch(c -> c < 128);
            assertTrue(user.get("email").asText().matches("[^@\\s]+@[^@\\s]+"), user.toString());
        }
        assertTrue(ROLES.containsAll(roles), roles.toString());
        assertEquals("owner", data.get(0).get("permissions").get("role").asText());
        assertTrue(nonAscii, "some names are not ASCII");
    }

    @Test
    void missingOrWrongKeyIs401() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong", "API-Key " + fake.apiKey()}) {
            HttpResponse<String> response = get(fake.baseUrl() + "/organization/users", authorization);
            assertEquals(401, response.statusCode(), "Authorization: " + authorization);
            assertEquals(401, json(response).get("status_code").asInt());
        }
    }

    @Test
    void badLimitOrCursorIs400() throws Exception {
        for (String query : new String[] {"?limit=0", "?limit=101", "?limit=ten", "?after=usr_nope",
                                          "?after=" + fake.userIds().get(1) + "&before=" + fake.userIds().get(5)}) {
            HttpResponse<String> response = get(fake.baseUrl() + "/organization/users" + query, "Bearer " + fake.apiKey());
            assertEquals(400, response.statusCode(), query);
        }
    }

    @Test
    void rateLimitBodyFollowsTheSpec() throws Exception {
        fake.faults().next(FakeFault.RATE_LIMITED);
        HttpResponse<String> response = get(fake.baseUrl() + "/organization/users", "Bearer " + fake.apiKey());

        assertEquals(429, response.statusCode());
        JsonNode error = json(response);
        assertEquals(429, error.get("status_code").asInt());
        assertEquals(429, error.get("statusCode").asInt());
        assertEquals("rate_limit_exceeded", error.get("error").asText());
        assertTrue(error.get("retryable").asBoolean());
        assertTrue(error.get("message").isTextual());
        assertTrue(error.get("mitigation").isTextual());
        assertTrue(error.get("details").get("reason").isTextual());
        assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void tenThousandUsersTraverseInPagesOfHundredEachIdOnce() throws Exception {
        try (FakeDatagrid big = FakeDatagrid.start(10_000)) {
            int[] pages = {0};
            List<String> ids = traverse(big, 100, pages);

            assertEquals(100, pages[0]);
            assertEquals(big.userIds(), ids);
            assertEquals(10_000, new HashSet<>(ids).size());
            assertEquals(100, big.requestCount());
        }
    }
}
