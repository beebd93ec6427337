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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakePolytomicTest {

    private static FakePolytomic fake;

    @BeforeAll
    static void start() {
        fake = FakePolytomic.start(200);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private String usersUrl(Object orgId) {
        return fake.baseUrl() + "/api/organizations/" + orgId + "/users";
    }

    @Test
    void servesEveryUserOnceInOneEnvelopeToTheRightKey() throws Exception {
        HttpResponse<String> response = get(usersUrl(fake.orgId()), "Bearer " + fake.apiKey());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        List<String> ids = new ArrayList<>();
        json(response).get("data").forEach(user -> ids.add(user.get("id").asText()));
        assertEquals(fake.userIds(), ids);
        assertEquals(200, new HashSet<>(ids).size());
    }

    @Test
    void usersFollowTheSpecWithNullRoleIdsSometimes() throws Exception {
        JsonNode data = json(get(usersUrl(fake.orgId()), "Bearer " + fake.apiKey())).get("data");
        int nullRoleIds = 0;
        int plusAddressed = 0;
        for (JsonNode user : data) {
            UUID.fromString(user.get("id").asText());
            assertEquals(fake.orgId().toString(), user.get("organization_id").asText());
            assertTrue(user.get("email").asText().contains("@"));
            if (user.get("email").asText().contains("+")) {
                plusAddressed++;
            }
            JsonNode roleIds = user.get("role_ids");
            if (roleIds.isNull()) {
                nullRoleIds++;
            } else {
                roleIds.forEach(roleId -> UUID.fromString(roleId.asText()));
            }
        }
        assertTrue(nullRoleIds > 0, "some role_ids are null");
        assertTrue(nullRoleIds < data.size(), "not all role_ids are null");
        assertTrue(plusAddressed > 0, "some emails are plus-addressed");
    }

    @Test
    void missingOrNonBearerAuthorizationIs401ApiError() throws Exception {
        for (String authorization : new String[] {null, "Basic " + fake.apiKey(), "Bearer"}) {
            HttpResponse<String> response = get(usersUrl(fake.orgId()), authorization);
            assertEquals(401, response.statusCode(), "Authorization: " + authorization);
            assertApiError(response, 401);
        }
    }

    @Test
    void wrongKeyIs403ApiError() throws Exception {
        HttpResponse<String> response = get(usersUrl(fake.orgId()), "Bearer " + fake.apiKey() + "x");

        assertEquals(403, response.statusCode());
        assertApiError(response, 403);
        assertFalse(response.body().contains(fake.apiKey()), "the error does not echo the key");
    }

    @Test
    void unknownOrMalformedOrganizationIs404ApiError() throws Exception {
        for (String org : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            HttpResponse<String> response = get(usersUrl(org), "Bearer " + fake.apiKey());
            assertEquals(404, response.statusCode(), org);
            assertApiError(response, 404);
        }
    }

    @Test
    void sameSeedGivesSameUsersAndCredentials() {
        try (FakePolytomic again = FakePolytomic.builder().users(200).seed(42).start();
             FakePolytomic other = FakePolytomic.builder().users(200).seed(7).start()) {
            assertEquals(fake.userIds(), again.userIds());
            assertEquals(fake.apiKey(), again.apiKey());
            assertFalse(other.userIds().contains(fake.userIds().get(0)));
        }
    }

    @Test
    void toStringHidesTheKey() {
        assertFalse(fake.toString().contains(fake.apiKey()));
        assertTrue(fake.toString().contains(fake.baseUrl()));
    }

    private static void assertApiError(HttpResponse<String> response, int status) {
        JsonNode error = json(response);
        assertEquals(status, error.get("status").asInt());
        assertTrue(error.get("key").isTextual());
        assertTrue(error.get("message").isTextual());
    }
}
