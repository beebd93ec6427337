package dev.saasusers.testing;

import static dev.saasusers.testing.LoopbackHttp.get;
import static dev.saasusers.testing.LoopbackHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakePandaDocTest {

    private static FakePandaDoc fake;

    @BeforeAll
    static void start() {
        fake = FakePandaDoc.start(120);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private static JsonNode page(FakePandaDoc target, String query) throws Exception {
        HttpResponse<String> response = get(target.baseUrl() + "/public/v1/users" + query, "API-Key " + target.apiKey());
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(user -> ids.add(user.get("user_id").asText()));
        return ids;
    }

    /** Reads pages 1, 2, ... until an empty or short page; checks {@code total} on each. */
    private static List<String> traverse(FakePandaDoc target, int count, String extra, int total) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = page(target, "?count=" + count + "&page=" + page + extra);
            assertEquals(total, body.get("total").asInt(), "total on page " + page);
            List<String> pageIds = ids(body);
            ids.addAll(pageIds);
            if (pageIds.size() < count) {
                return ids;
            }
        }
    }

    @Test
    void pagesByNumberWithTotalInEveryResponseAndEveryIdOnce() throws Exception {
        List<String> ids = traverse(fake, 50, "", 120);

        assertEquals(fake.userIds(), ids);
        assertEquals(120, new HashSet<>(ids).size());
    }

    @Test
    void defaultsAreFiftyPerPageFromPageOne() throws Exception {
        JsonNode first = page(fake, "");
        assertEquals(fake.userIds().subList(0, 50), ids(first));
        assertEquals(ids(first), ids(page(fake, "?page=0")));
        assertEquals(0, page(fake, "?page=9").get("results").size());
        assertEquals(120, page(fake, "?page=9").get("total").asInt());
    }

    @Test
    void removedUsersAreListedUnlessShowRemovedIsFalse() throws Exception {
        assertFalse(fake.removedUserIds().isEmpty());
        int active = 120 - fake.removedUserIds().size();

        List<String> withoutRemoved = traverse(fake, 50, "&show_removed=false", active);
        List<String> expected = new ArrayList<>(fake.userIds());
        expected.removeAll(fake.removedUserIds());
        assertEquals(expected, withoutRemoved);
        assertEquals(fake.userIds(), traverse(fake, 50, "&show_removed=true", 120));
    }

    @Test
    void bearerAccessTokenIsAcceptedToo() throws Exception {
        HttpResponse<String> response = get(fake.baseUrl() + "/public/v1/users?count=5", "Bearer " + fake.accessToken());
        assertEquals(200, response.statusCode());
        assertEquals(fake.userIds().subList(0, 5), ids(json(response)));
    }

    @Test
    void missingOrWrongCredentialsAre401AuthenticationError() throws Exception {
        String[] wrong = {null, "API-Key " + fake.apiKey() + "0", "Bearer " + fake.apiKey(), "API-Key " + fake.accessToken(),
                          "Token " + fake.apiKey()};
        for (String authorization : wrong) {
            HttpResponse<String> response = get(fake.baseUrl() + "/public/v1/users", authorization);
            assertEquals(401, response.statusCode(), "Authorization: " + authorization);
            assertEquals("authentication_error", json(response).get("type").asText());
            assertTrue(json(response).get("detail").isTextual());
        }
    }

    @Test
    void countOverFiftyIsRejected() throws Exception {
        HttpResponse<String> response = get(fake.baseUrl() + "/public/v1/users?count=51", "API-Key " + fake.apiKey());
        assertEquals(400, response.statusCode());
    }

    @Test
    void throttledBodyFollowsTheSpec() throws Exception {
        fake.faults().next(FakeFault.RATE_LIMITED);
        HttpResponse<String> response = get(fake.baseUrl() + "/public/v1/users", "API-Key " + fake.apiKey());

        assertEquals(429, response.statusCode());
        assertEquals("throttled", json(response).get("type").asText());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void optionalFieldsAreSometimesMissingAndOneOwnerExists() throws Exception {
        int missingPhone = 0;
        int owners = 0;
        for (int p = 1; p <= 3; p++) {
            for (JsonNode user : page(fake, "?page=" + p).get("results")) {
                missingPhone += user.has("phone_number") ? 0 : 1;
                owners += user.get("is_organization_owner").asBoolean() ? 1 : 0;
                assertTrue(user.get("workspaces").isArray());
            }
        }
        assertTrue(missingPhone > 0);
        assertEquals(1, owners);
    }

    @Test
    void tenThousandUsersTraverseEachIdOnce() throws Exception {
        try (FakePandaDoc big = FakePandaDoc.start(10_000)) {
            List<String> ids = traverse(big, 50, "", 10_000);

            assertEquals(big.userIds(), ids);
            assertEquals(10_000, new HashSet<>(ids).size());
            assertEquals(201, big.requestCount(), "200 full pages and one empty page");
        }
    }
}
