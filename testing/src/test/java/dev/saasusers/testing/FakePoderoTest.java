package dev.saasusers.testing;

import static dev.saasusers.testing.LoopbackHttp.get;
import static dev.saasusers.testing.LoopbackHttp.json;
import static dev.saasusers.testing.LoopbackHttp.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakePoderoTest {

    private static FakePodero fake;

    @BeforeAll
    static void start() {
        fake = FakePodero.start(100);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String token(FakePodero target) throws Exception {
        HttpResponse<String> response = postForm(target.tokenUrl(), basic(target.clientId(), target.clientSecret()),
                "grant_type=client_credentials");
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("access_token").asText();
    }

    private static HttpResponse<String> users(FakePodero target, String token, String query) throws Exception {
        return get(target.baseUrl() + "/api/partners/v2.0/org/" + target.orgId() + "/users" + query, "Bearer " + token);
    }

    private static List<String> ids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        json(response).forEach(user -> ids.add(user.get("id").asText()));
        return ids;
    }

    @Test
    void clientCredentialsByBasicOrBodyGiveBearerTokens() throws Exception {
        JsonNode byBasic = json(postForm(fake.tokenUrl(), basic(fake.clientId(), fake.clientSecret()),
                "grant_type=client_credentials"));
        HttpResponse<String> byBody = postForm(fake.tokenUrl(), null, "grant_type=client_credentials&client_id="
                + encode(fake.clientId()) + "&client_secret=" + encode(fake.clientSecret()));

        assertEquals("bearer", byBasic.get("token_type").asText());
        assertEquals(3600, byBasic.get("expires_in").asInt());
        assertEquals(200, byBody.statusCode());
        assertNotEquals(byBasic.get("access_token").asText(), json(byBody).get("access_token").asText());
        assertEquals(200, users(fake, json(byBody).get("access_token").asText(), "").statusCode());
    }

    @Test
    void passwordGrantWorksWithOrWithoutClientAuthentication() throws Exception {
        String form = "grant_type=password&username=" + encode(fake.username()) + "&password=" + encode(fake.password());

        assertEquals(200, postForm(fake.tokenUrl(), null, form).statusCode());
        assertEquals(200, postForm(fake.tokenUrl(), basic(fake.clientId(), fake.clientSecret()), form).statusCode());
        HttpResponse<String> wrongClient = postForm(fake.tokenUrl(), basic(fake.clientId(), "nope"), form);
        assertEquals(401, wrongClient.statusCode());
        assertEquals("invalid_client", json(wrongClient).get("error").asText());
    }

    @Test
    void wrongCredentialsAreRejectedWithOauthErrors() throws Exception {
        HttpResponse<String> wrongSecret = postForm(fake.tokenUrl(), basic(fake.clientId(), fake.clientSecret() + "x"),
                "grant_type=client_credentials");
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("invalid_client", json(wrongSecret).get("error").asText());
        assertFalse(wrongSecret.body().contains(fake.clientSecret()));

        HttpResponse<String> noClient = postForm(fake.tokenUrl(), null, "grant_type=client_credentials");
        assertEquals(401, noClient.statusCode());

        HttpResponse<String> wrongPassword = postForm(fake.tokenUrl(), null,
                "grant_type=password&username=" + encode(fake.username()) + "&password=wrong");
        assertEquals(400, wrongPassword.statusCode());
        assertEquals("invalid_grant", json(wrongPassword).get("error").asText());

        HttpResponse<String> badGrant = postForm(fake.tokenUrl(), basic(fake.clientId(), fake.clientSecret()),
                "grant_type=authorization_code");
        assertEquals("unsupported_grant_type", json(badGrant).get("error").asText());
    }

    @Test
    void listsActiveUsersUnlessDeletedAreIncluded() throws Exception {
        String token = token(fake);
        List<String> active = ids(users(fake, token, ""));
        List<String> everyone = ids(users(fake, token, "?include_deleted=true"));

        assertEquals(fake.userIds(), everyone);
        assertEquals(10, fake.deletedUserIds().size());
        List<String> expected = new ArrayList<>(fake.userIds());
        expected.removeAll(fake.deletedUserIds());
        assertEquals(expected, active);
        assertEquals(active, ids(users(fake, token, "?include_deleted=false")));
        assertEquals(422, users(fake, token, "?include_deleted=maybe").statusCode());
    }

    @Test
    void usersFollowTheSpecWithNullableFieldsAndRoles() throws Exception {
        JsonNode users = json(users(fake, token(fake), "?include_deleted=true"));
        Set<String> roles = new HashSet<>();
        int nullExternalIds = 0;
        for (JsonNode user : users) {
            UUID.fromString(user.get("id").asText());
            assertEquals(fake.orgId().toString(), user.get("organization_id").asText());
            roles.add(user.get("role").asText());
            for (String required : List.of("email", "num_inverters", "num_heat_pumps", "num_electric_vehicles",
                    "num_wallboxes")) {
                assertFalse(user.get(required).isNull(), required);
            }
            nullExternalIds += user.get("external_user_id").isNull() ? 1 : 0;
        }
        assertTrue(Set.of("admin", "staff", "user", "guest").containsAll(roles), roles.toString());
        assertTrue(nullExternalIds > 0 && nullExternalIds < users.size());
    }

    @Test
    void missingInvalidOrForeignRequestsAreRejected() throws Exception {
        String token = token(fake);
        assertEquals(401, get(fake.baseUrl() + "/api/partners/v2.0/org/" + fake.orgId() + "/users", null).statusCode());
        assertEquals(401, users(fake, "pat_unknown", "").statusCode());
        assertEquals(404, get(fake.baseUrl() + "/api/partners/v2.0/org/" + UUID.randomUUID() + "/users",
                "Bearer " + token).statusCode());
    }

    @Test
    void tokensReallyExpire() throws Exception {
        try (FakePodero shortLived = FakePodero.builder().users(5).tokenTtl(Duration.ofMillis(300)).start()) {
            HttpResponse<String> response = postForm(shortLived.tokenUrl(),
                    basic(shortLived.clientId(), shortLived.clientSecret()), "grant_type=client_credentials");
            assertEquals(1, json(response).get("expires_in").asInt(), "sub-second lifetimes round up");
            String token = json(response).get("access_token").asText();
            assertEquals(200, users(shortLived, token, "").statusCode());

            Thread.sleep(400);

            HttpResponse<String> expired = users(shortLived, token, "");
            assertEquals(401, expired.statusCode());
            assertTrue(expired.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
            assertEquals(200, users(shortLived, token(shortLived), "").statusCode());
            assertEquals(2, shortLived.tokenRequestCount());
        }
    }

    @Test
    void expireTokensRevokesIssuedTokensAtOnce() throws Exception {
        String token = token(fake);
        fake.expireTokens();
        assertEquals(401, users(fake, token, "").statusCode());
    }

    @Test
    void tokenRequestsAreCountedAndNeverFaulted() throws Exception {
        try (FakePodero target = FakePodero.start(3)) {
            target.faults().always(FakeFault.INTERNAL_ERROR);
            String token = token(target);
            assertEquals(500, users(target, token, "").statusCode());
            assertEquals(1, target.tokenRequestCount());
            assertEquals(2, target.requestCount());
            target.resetRequests();
            assertEquals(0, target.tokenRequestCount());
        }
    }

    @Test
    void toStringHidesEverySecret() {
        for (String secret : List.of(fake.clientSecret(), fake.password(), fake.clientId(), fake.username())) {
            assertFalse(fake.toString().contains(secret));
        }
    }
}
