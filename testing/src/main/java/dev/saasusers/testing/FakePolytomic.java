package dev.saasusers.testing;

import dev.saasusers.common.config.Environment;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A fake Polytomic: {@code GET /api/organizations/{org_id}/users} with a partner key as
 * {@code Authorization: Bearer <key>}, answering the whole list in one {@code {"data":[...]}} envelope.
 *
 * <p>A missing or non-Bearer Authorization header gets 401, a wrong key 403, and another organization 404, each as
 * the spec's {@code ApiError {key, message, status}}. Users have {@code role_ids} null, empty or set, sometimes no
 * legacy {@code role}, and now and then a field the spec does not know.
 */
public final class FakePolytomic extends FakeVendor {

    private static final String[] LEGACY_ROLES = {"admin", "user", "user", "user"};

    private final String apiKey;
    private final UUID orgId;
    private final List<String> userIds;
    private final byte[] body;

    private FakePolytomic(Builder builder) {
        super(builder);
        PersonGenerator people = new PersonGenerator(builder.seed);
        this.apiKey = builder.apiKey != null ? builder.apiKey : "poly_pk_" + people.hex(32);
        this.orgId = builder.orgId != null ? builder.orgId : people.uuid();
        List<String> roleIds = List.of(people.uuid().toString(), people.uuid().toString(),
                people.uuid().toString(), people.uuid().toString());
        List<String> ids = new ArrayList<>(builder.users);
        StringBuilder json = new StringBuilder("{\"data\":[");
        for (int i = 0; i < builder.users; i++) {
            PersonGenerator.Person person = people.person(i);
            String id = people.uuid().toString();
            ids.add(id);
            ObjectNode user = Reply.object();
            user.put("email", person.email());
            user.put("id", id);
            user.put("organization_id", orgId.toString());
            if (!people.chance(10)) {
                user.put("role", i == 0 ? "admin" : people.pick(LEGACY_ROLES));
            }
            int roles = people.random().nextInt(10);
            if (roles < 2) {
                user.putNull("role_ids");
            } else {
                ArrayNode assigned = user.putArray("role_ids");
                for (int r = 0; r < Math.min(roles - 2, 2); r++) {
                    assigned.add(roleIds.get((i + r) % roleIds.size()));
                }
            }
            if (people.chance(5)) {
                user.put("created_at", people.timestamp());
            }
            json.append(i == 0 ? "" : ",").append(Reply.serialise(user));
        }
        this.body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        this.userIds = List.copyOf(ids);
    }

    /**
     * Starts a fake with {@code userCount} users and default settings.
     *
     * @param userCount users to generate
     * @return the running fake
     */
    public static FakePolytomic start(int userCount) {
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
     * The partner key the fake accepts as {@code Authorization: Bearer <key>}.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The one organization the fake serves.
     *
     * @return the organization id
     */
    public UUID orgId() {
        return orgId;
    }

    @Override
    public Environment environment() {
        return Environment.of(Map.of("POLYTOMIC_API_KEY", apiKey(), "POLYTOMIC_ORG_ID", orgId().toString(),
                "POLYTOMIC_BASE_URL", baseUrl()));
    }

    @Override
    public List<String> userIds() {
        return userIds;
    }

    @Override
    void registerRoutes() {
        route(get(urlPathMatching("/api/organizations/[^/]+/users")), USERS);
    }

    @Override
    Reply handle(String route, Request request) {
        String key = credential(request, "Bearer");
        if (key == null) {
            return error(401, "Missing or malformed Authorization header; expected a Bearer partner key");
        }
        if (!matches(key, apiKey)) {
            return error(403, "The partner key is not valid");
        }
        if (!orgId.equals(parseUuid(orgSegment(request)))) {
            return error(404, "Organization not found");
        }
        return Reply.json(200, body);
    }

    @Override
    Reply error(int status, String message) {
        ObjectNode error = Reply.object();
        error.put("key", switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "internal_error" : "bad_request";
        });
        error.put("message", message);
        error.put("status", status);
        return Reply.json(status, error);
    }

    /** Builds a {@link FakePolytomic}. */
    public static final class Builder extends FakeVendor.Builder<Builder, FakePolytomic> {
        private String apiKey;
        private UUID orgId;

        private Builder() {
        }

        /**
         * The partner key to accept (default: generated from the seed).
         *
         * @param apiKey a non-blank key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = nonBlank(apiKey, "apiKey");
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

        @Override
        public FakePolytomic start() {
            FakePolytomic fake = new FakePolytomic(this);
            fake.start();
            return fake;
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
