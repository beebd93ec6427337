package dev.saasusers.testing;

import dev.saasusers.common.config.Environment;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A fake Datagrid: {@code GET /organization/users?search&limit&after&before} with {@code Authorization: Bearer <key>},
 * paged by cursor: {@code {"object":"list","data":[...],"has_more":...}}.
 *
 * <p>{@code after} is the id of the last user of the previous page; {@code before} the id of the first user of the
 * next page, and then {@code has_more} says whether more users precede the page. {@code limit} is 1..100 (default
 * 50); {@code search} matches name or email, case-insensitively. Bad parameters or an unknown cursor get 400; a
 * missing or wrong key 401; a 429 carries the spec's {@code RateLimitError} body.
 */
public final class FakeDatagrid extends FakeVendor {

    /** The largest {@code limit} the API accepts. */
    public static final int MAX_LIMIT = 100;
    /** The {@code limit} used when none is given. */
    public static final int DEFAULT_LIMIT = 50;

    private static final String[] ROLES = {"admin", "member", "member", "member", "contributor", "collaborator"};

    private final String apiKey;
    private final List<String> userIds;
    private final String[] userJson;
    private final String[] searchText;
    private final Map<String, Integer> positions = new HashMap<>();
    private final int[] everyone;

    private FakeDatagrid(Builder builder) {
        super(builder);
        PersonGenerator people = new PersonGenerator(builder.seed);
        this.apiKey = builder.apiKey != null ? builder.apiKey : "dg_live_" + people.hex(40);
        int count = builder.users;
        this.userJson = new String[count];
        this.searchText = new String[count];
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PersonGenerator.Person person = people.person(i);
            String id = people.token("usr_", 20);
            ids.add(id);
            positions.put(id, i);
            ObjectNode user = Reply.object();
            user.put("id", id);
            user.put("email", person.email());
            user.put("first_name", person.firstName());
            user.put("last_name", person.lastName());
            user.putObject("permissions").put("role", i == 0 ? "owner" : people.pick(ROLES));
            if (people.chance(5)) {
                user.put("avatar_url", "https://avatars.example.com/" + id + ".png");
            }
            userJson[i] = Reply.serialise(user);
            searchText[i] = (person.firstName() + " " + person.lastName() + " " + person.email()).toLowerCase(Locale.ROOT);
        }
        this.userIds = List.copyOf(ids);
        this.everyone = IntStream.range(0, count).toArray();
    }

    /**
     * Starts a fake with {@code userCount} users and default settings.
     *
     * @param userCount users to generate
     * @return the running fake
     */
    public static FakeDatagrid start(int userCount) {
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
     * The API key the fake accepts as {@code Authorization: Bearer <key>}.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey;
    }

    @Override
    public Environment environment() {
        return Environment.of(Map.of("DATAGRID_API_KEY", apiKey(), "DATAGRID_BASE_URL", baseUrl()));
    }

    @Override
    public List<String> userIds() {
        return userIds;
    }

    @Override
    void registerRoutes() {
        route(get(urlPathEqualTo("/organization/users")), USERS);
    }

    @Override
    Reply handle(String route, Request request) {
        if (!matches(credential(request, "Bearer"), apiKey)) {
            return error(401, "Invalid or missing API key");
        }
        String limitText = query(request, "limit");
        int limit;
        try {
            limit = limitText == null ? DEFAULT_LIMIT : Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            return error(400, "limit must be an integer between 1 and " + MAX_LIMIT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return error(400, "limit must be an integer between 1 and " + MAX_LIMIT);
        }
        String after = query(request, "after");
        String before = query(request, "before");
        if (after != null && before != null) {
            return error(400, "Use either after or before, not both");
        }
        String cursor = after != null ? after : before;
        Integer cursorPosition = cursor == null ? null : positions.get(cursor);
        if (cursor != null && cursorPosition == null) {
            return error(400, "Unknown cursor: " + cursor);
        }
        int[] view = matching(query(request, "search"));
        int from;
        int to;
        boolean hasMore;
        if (before != null) {
            // The page ends just before the cursor; has_more looks backwards.
            to = insertionPoint(view, cursorPosition);
            from = Math.max(0, to - limit);
            hasMore = from > 0;
        } else {
            from = after == null ? 0 : insertionPoint(view, cursorPosition + 1);
            to = Math.min(view.length, from + limit);
            hasMore = to < view.length;
        }
        StringBuilder body = new StringBuilder(64 + (to - from) * 200).append("{\"object\":\"list\",\"data\":[");
        for (int i = from; i < to; i++) {
            body.append(i == from ? "" : ",").append(userJson[view[i]]);
        }
        return Reply.json(200, body.append("],\"has_more\":").append(hasMore).append('}').toString());
    }

    /** Positions (in served order) of the users matching {@code search}. */
    private int[] matching(String search) {
        if (search == null || search.isEmpty()) {
            return everyone;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        return IntStream.range(0, searchText.length).filter(i -> searchText[i].contains(needle)).toArray();
    }

    /** Index of the first entry of the sorted {@code view} that is at least {@code position}. */
    private static int insertionPoint(int[] view, int position) {
        int found = Arrays.binarySearch(view, position);
        return found >= 0 ? found : -found - 1;
    }

    @Override
    Reply error(int status, String message) {
        ObjectNode error = Reply.object();
        error.put("status_code", status);
        error.put("statusCode", status);
        if (status == 429) {
            error.put("error", "rate_limit_exceeded");
            error.put("message", message);
            error.put("mitigation", "Wait for the number of seconds in the Retry-After header, then retry.");
            error.put("retryable", true);
            error.putObject("details").put("reason", "Too many requests for this endpoint in the last 60 seconds.");
        } else {
            error.put("error", switch (status) {
                case 400 -> "invalid_request";
                case 401 -> "unauthorized";
                case 404 -> "not_found";
                default -> "server_error";
            });
            error.put("message", message);
            error.put("retryable", status >= 500);
        }
        return Reply.json(status, error);
    }

    /** Builds a {@link FakeDatagrid}. */
    public static final class Builder extends FakeVendor.Builder<Builder, FakeDatagrid> {
        private String apiKey;

        private Builder() {
        }

        /**
         * The API key to accept (default: generated from the seed).
         *
         * @param apiKey a non-blank key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = nonBlank(apiKey, "apiKey");
            return this;
        }

        @Override
        public FakeDatagrid start() {
            FakeDatagrid fake = new FakeDatagrid(this);
            fake.start();
            return fake;
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
