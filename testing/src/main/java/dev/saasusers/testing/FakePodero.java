package dev.saasusers.testing;

import dev.saasusers.common.config.Environment;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ContentTypeHeader;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Podero: an OAuth2 token endpoint and {@code GET /api/partners/v2.0/org/{org_id}/users?include_deleted}
 * answering a JSON array of {@code UserOutput}.
 *
 * <p>{@code POST /api/partners/v2.0/auth/token} takes a form-encoded body with {@code grant_type=client_credentials}
 * (client id and secret by HTTP Basic or as {@code client_id}/{@code client_secret} in the body) or
 * {@code grant_type=password} ({@code username}/{@code password}; client authentication optional but checked when
 * given). It answers {@code {"access_token","token_type":"bearer","expires_in"}}. Wrong client credentials get 401
 * {@code {"error":"invalid_client"}}, a wrong username or password 400 {@code {"error":"invalid_grant"}} (RFC 6749
 * section 5.2). Tokens really expire after {@link Builder#tokenTtl(Duration)}: the users endpoint then answers 401.
 *
 * <p>Soft-deleted users are listed only with {@code include_deleted=true}; another organization gets 404.
 */
public final class FakePodero extends FakeVendor {

    /** The token endpoint's path. */
    public static final String TOKEN_PATH = "/api/partners/v2.0/auth/token";

    private static final String TOKEN = "token";
    private static final String[] ROLES = {"user", "user", "user", "user", "staff", "admin", "guest"};
    private static final Object[][] ADDRESSES = {
        {"Mariahilfer Straße 12", "1060", "Wien", "AT", 48.1967, 16.3487},
        {"Bahnhofstrasse 7", "8001", "Zürich", "CH", 47.3717, 8.5392},
        {"ul. Floriańska 3", "31-019", "Kraków", "PL", 50.0631, 19.9396},
        {"Storgatan 21", "211 42", "Malmö", "SE", 55.6050, 13.0038},
        {"Rua Augusta 1500", "01304-001", "São Paulo", "BR", -23.5580, -46.6604},
        {"Nørrebrogade 44", "2200", "København", "DK", 55.6918, 12.5527},
    };

    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final UUID orgId;
    private final long tokenTtlNanos;
    private final String expiresInAsSent;
    private final List<String> userIds;
    private final List<String> deletedUserIds;
    private final byte[] activeBody;
    private final byte[] everyoneBody;
    private final Map<String, Long> tokenExpiry = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final SecureRandom tokenRandom = new SecureRandom();

    private FakePodero(Builder builder) {
        super(builder);
        PersonGenerator people = new PersonGenerator(builder.seed);
        this.clientId = builder.clientId != null ? builder.clientId : "podero-partner-" + people.hex(8);
        this.clientSecret = builder.clientSecret != null ? builder.clientSecret : "pcs_" + people.hex(40);
        this.username = builder.username != null ? builder.username : "partner-api+" + people.hex(6) + "@example.com";
        this.password = builder.password != null ? builder.password : "pw_" + people.hex(24);
        this.orgId = builder.orgId != null ? builder.orgId : people.uuid();
        this.tokenTtlNanos = builder.tokenTtl.toNanos();
        this.expiresInAsSent = builder.expiresInAsSent;
        List<String> ids = new ArrayList<>(builder.users);
        List<String> deleted = new ArrayList<>();
        StringBuilder active = new StringBuilder("[");
        StringBuilder everyone = new StringBuilder("[");
        for (int i = 0; i < builder.users; i++) {
            String id = people.uuid().toString();
            ids.add(id);
            String json = Reply.serialise(user(people, i, id));
            everyone.append(i == 0 ? "" : ",").append(json);
            // Every tenth user (from the eighth) is soft-deleted.
            if (i % 10 == 7) {
                deleted.add(id);
            } else {
                active.append(active.length() == 1 ? "" : ",").append(json);
            }
        }
        this.activeBody = active.append(']').toString().getBytes(StandardCharsets.UTF_8);
        this.everyoneBody = everyone.append(']').toString().getBytes(StandardCharsets.UTF_8);
        this.userIds = List.copyOf(ids);
        this.deletedUserIds = List.copyOf(deleted);
    }

    private ObjectNode user(PersonGenerator people, int index, String id) {
        PersonGenerator.Person person = people.person(index);
        ObjectNode user = Reply.object();
        user.put("id", id);
        user.put("organization_id", orgId.toString());
        user.put("external_user_id", people.chance(30) ? null : "crm-" + (100_000 + people.random().nextInt(900_000)));
        user.put("role", index == 0 ? "admin" : people.pick(ROLES));
        user.put("email", person.email());
        user.put("first_name", people.chance(5) ? null : person.firstName());
        user.put("last_name", people.chance(5) ? null : person.lastName());
        int onboarded = people.random().nextInt(10);
        user.put("is_onboarded", onboarded == 0 ? null : onboarded > 2);
        if (people.chance(20)) {
            for (String field : List.of("street_and_number", "street_add_info", "zip_code", "town", "country",
                    "latitude", "longitude")) {
                user.putNull(field);
            }
        } else {
            Object[] address = people.pick(ADDRESSES);
            user.put("street_and_number", (String) address[0]);
            user.put("street_add_info", people.chance(70) ? null : "Top " + (1 + people.random().nextInt(20)));
            user.put("zip_code", (String) address[1]);
            user.put("town", (String) address[2]);
            user.put("country", (String) address[3]);
            user.put("latitude", (Double) address[4]);
            user.put("longitude", (Double) address[5]);
        }
        user.put("last_login", people.chance(20) ? null : people.timestamp());
        user.put("num_inverters", people.random().nextInt(3));
        user.put("num_heat_pumps", people.random().nextInt(2));
        user.put("num_electric_vehicles", people.random().nextInt(3));
        user.put("num_wallboxes", people.random().nextInt(2));
        user.put("joined_at", people.chance(5) ? null : people.timestamp());
        if (people.chance(5)) {
            user.put("preferred_language", people.pick(new String[] {"de", "en", "pl", "sv"}));
        }
        return user;
    }

    /**
     * Starts a fake with {@code userCount} users and default settings.
     *
     * @param userCount users to generate
     * @return the running fake
     */
    public static FakePodero start(int userCount) {
        return builder().users(userCount).start();
    }

    /**
     * A builder for a fake with custom settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The OAuth2 client id the token endpoint accepts.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The OAuth2 client secret the token endpoint accepts.
     *
     * @return the secret
     */
    public String clientSecret() {
        return clientSecret;
    }

    /**
     * The username the password grant accepts.
     *
     * @return the username
     */
    public String username() {
        return username;
    }

    /**
     * The password the password grant accepts.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * The one organization the fake serves.
     *
     * @return the organization id
     */
    public UUID orgId() {
        return orgId;
    }

    /**
     * The token URL: {@link #baseUrl()} plus {@link #TOKEN_PATH}.
     *
     * @return the absolute token URL
     */
    public String tokenUrl() {
        return baseUrl() + TOKEN_PATH;
    }

    @Override
    public Environment environment() {
        return Environment.of(Map.of("PODERO_CLIENT_ID", clientId(), "PODERO_CLIENT_SECRET", clientSecret(),
                "PODERO_ORG_ID", orgId().toString(), "PODERO_BASE_URL", baseUrl()));
    }

    /**
     * Every user id, soft-deleted ones included, in served order: what {@code include_deleted=true} returns.
     *
     * @return an unmodifiable list
     */
    @Override
    public List<String> userIds() {
        return userIds;
    }

    /**
     * The ids of soft-deleted users (listed only with {@code include_deleted=true}), in served order.
     *
     * @return an unmodifiable list
     */
    public List<String> deletedUserIds() {
        return deletedUserIds;
    }

    /**
     * How many requests reached the token endpoint (granted or not) since start or {@link #resetRequests()}.
     *
     * @return the count
     */
    public int tokenRequestCount() {
        return tokenRequests.get();
    }

    /** Makes every token issued so far expire now, as if its lifetime had passed. */
    public void expireTokens() {
        tokenExpiry.replaceAll((token, expiry) -> System.nanoTime() - 1);
    }

    @Override
    void onResetRequests() {
        tokenRequests.set(0);
    }

    @Override
    void registerRoutes() {
        route(post(urlPathEqualTo(TOKEN_PATH)), TOKEN);
        route(get(urlPathMatching("/api/partners/v2\\.0/org/[^/]+/users")), USERS);
    }

    @Override
    Reply handle(String route, Request request) {
        return TOKEN.equals(route) ? token(request) : users(request);
    }

    private Reply users(Request request) {
        String token = credential(request, "Bearer");
        Long expiry = token == null ? null : tokenExpiry.get(token);
        if (expiry == null || System.nanoTime() - expiry >= 0) {
            return error(401, expiry == null ? "Invalid token" : "Token expired")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        if (!orgId.equals(parseUuid(orgSegment(request)))) {
            return error(404, "Organization not found");
        }
        String includeDeleted = query(request, "include_deleted");
        if (includeDeleted == null || includeDeleted.equalsIgnoreCase("false")) {
            return Reply.json(200, activeBody);
        }
        if (includeDeleted.equalsIgnoreCase("true")) {
            return Reply.json(200, everyoneBody);
        }
        ObjectNode invalid = Reply.object();
        ObjectNode detail = invalid.putArray("detail").addObject();
        detail.put("type", "bool_parsing");
        detail.putArray("loc").add("query").add("include_deleted");
        detail.put("msg", "Input should be a valid boolean");
        return Reply.json(422, invalid);
    }

    private Reply token(Request request) {
        tokenRequests.incrementAndGet();
        ContentTypeHeader contentType = request.contentTypeHeader();
        if (contentType == null || !"application/x-www-form-urlencoded".equalsIgnoreCase(contentType.mimeTypePart())) {
            return oauthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded");
        }
        Map<String, FormParameter> form = request.formParameters();
        String[] basic = basicCredentials(request);
        String givenId = basic != null ? basic[0] : form(form, "client_id");
        String givenSecret = basic != null ? basic[1] : form(form, "client_secret");
        String grantType = form(form, "grant_type");
        if (grantType == null) {
            return oauthError(400, "invalid_request", "grant_type is required");
        }
        boolean clientGiven = givenId != null || givenSecret != null;
        boolean clientValid = matches(givenId, clientId) && matches(givenSecret, clientSecret);
        switch (grantType) {
            case "client_credentials" -> {
                if (!clientValid) {
                    return invalidClient(basic != null);
                }
            }
            case "password" -> {
                if (clientGiven && !clientValid) {
                    return invalidClient(basic != null);
                }
                if (!matches(form(form, "username"), username) || !matches(form(form, "password"), password)) {
                    return oauthError(400, "invalid_grant", "Invalid username or password");
                }
            }
            default -> {
                return oauthError(400, "unsupported_grant_type", "Use client_credentials or password");
            }
        }
        byte[] bytes = new byte[24];
        tokenRandom.nextBytes(bytes);
        String accessToken = "pat_" + HexFormat.of().formatHex(bytes);
        tokenExpiry.put(accessToken, System.nanoTime() + tokenTtlNanos);
        ObjectNode body = Reply.object();
        body.put("access_token", accessToken);
        body.put("token_type", "bearer");
        // Whole seconds, rounded up, as a server would report a sub-second lifetime.
        if (expiresInAsSent != null) {
            body.putRawValue("expires_in", new com.fasterxml.jackson.databind.util.RawValue(expiresInAsSent));
        } else {
            body.put("expires_in", (tokenTtlNanos + 999_999_999L) / 1_000_000_000L);
        }
        return Reply.json(200, body).withHeader("Cache-Control", "no-store");
    }

    private static String form(Map<String, FormParameter> form, String name) {
        FormParameter parameter = form.get(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    /** The client id and secret from an HTTP Basic header (each form-decoded, RFC 6749 section 2.3.1), or null. */
    private static String[] basicCredentials(Request request) {
        String encoded = credential(request, "Basic");
        if (encoded == null) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new String[] {"", ""};
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new String[] {decoded, ""};
        }
        return new String[] {
            java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
        };
    }

    private Reply invalidClient(boolean basic) {
        Reply reply = oauthError(401, "invalid_client", "Client authentication failed");
        return basic ? reply.withHeader("WWW-Authenticate", "Basic realm=\"podero\"") : reply;
    }

    private static Reply oauthError(int status, String error, String description) {
        ObjectNode body = Reply.object();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.json(status, body).withHeader("Cache-Control", "no-store");
    }

    @Override
    Reply error(int status, String message) {
        ObjectNode error = Reply.object();
        error.put("detail", message);
        return Reply.json(status, error);
    }

    /** Builds a {@link FakePodero}. */
    public static final class Builder extends FakeVendor.Builder<Builder, FakePodero> {
        private String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private UUID orgId;
        private Duration tokenTtl = Duration.ofHours(1);
        private String expiresInAsSent;

        private Builder() {
        }

        /**
         * The client id to accept (default: generated from the seed).
         *
         * @param clientId a non-blank id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = nonBlank(clientId, "clientId");
            return this;
        }

        /**
         * The client secret to accept (default: generated from the seed).
         *
         * @param clientSecret a non-blank secret
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = nonBlank(clientSecret, "clientSecret");
            return this;
        }

        /**
         * The username the password grant accepts (default: generated from the seed).
         *
         * @param username a non-blank username
         * @return this builder
         */
        public Builder username(String username) {
            this.username = nonBlank(username, "username");
            return this;
        }

        /**
         * The password the password grant accepts (default: generated from the seed).
         *
         * @param password a non-blank password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = nonBlank(password, "password");
            return this;
        }

        /**
         * The organization to serve (default: generated from the seed).
         *
         * @param orgId the organization id
         * @return this builder
         */
        public Builder orgId(UUID orgId) {
            this.orgId = Objects.requireNonNull(orgId, "orgId");
            return this;
        }

        /**
         * How long an issued token stays valid (default 1 hour). {@code expires_in} reports it rounded up to seconds.
         *
         * @param tokenTtl a positive duration
         * @return this builder
         */
        public Builder tokenTtl(Duration tokenTtl) {
            if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
                throw new IllegalArgumentException("tokenTtl must be a positive duration, was " + tokenTtl);
            }
            this.tokenTtl = tokenTtl;
            return this;
        }

        /**
         * Makes the token response lie about the lifetime: {@code expires_in} is written as this JSON value, byte for
         * byte (for example {@code 1e400} or {@code 1000000000000000000}), while tokens still expire after
         * {@link #tokenTtl}.
         *
         * @param jsonValue the raw JSON value of {@code expires_in}
         * @return this builder
         */
        public Builder expiresInAsSent(String jsonValue) {
            this.expiresInAsSent = nonBlank(jsonValue, "expiresInAsSent");
            return this;
        }

        @Override
        public FakePodero start() {
            FakePodero fake = new FakePodero(this);
            fake.start();
            return fake;
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
