package dev.saasusers.testing;

import dev.saasusers.common.config.Environment;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A fake PandaDoc: {@code GET /public/v1/users?count&page&show_removed}, authorised by
 * {@code Authorization: API-Key <key>} or {@code Authorization: Bearer <access token>}, paged by page number:
 * {@code {"total":N,"results":[...]}}.
 *
 * <p>{@code page} starts at 1 (0 is read as 1) and a page past the end is empty; {@code count} is 0..50 (default
 * 50); {@code total} is the number of matching users in every response. {@code show_removed} defaults to true, so
 * {@link #removedUserIds() removed users} are listed unless it is false. Missing or wrong credentials get 401
 * {@code {"type":"authentication_error","detail":...}}, a 429 {@code {"type":"throttled","detail":...}}. Optional
 * fields ({@code phone_number}, {@code license}, ...) are sometimes missing.
 */
public final class FakePandaDoc extends FakeVendor {

    /** The largest {@code count} the API accepts. */
    public static final int MAX_COUNT = 50;

    private static final String[] LICENSES = {"Full", "Full", "Full", "Business", "Read-only", "Guest"};
    private static final String[] WORKSPACE_ROLES = {"Admin", "Manager", "Member", "Member", "Collaborator"};

    private final String apiKey;
    private final String accessToken;
    private final List<String> userIds;
    private final List<String> removedUserIds;
    private final String[] userJson;
    /** Users added by {@link #insertUsersAtFront}; index {@code userJson.length + i} in the views. */
    private final List<String> addedJson = new ArrayList<>();
    private final List<String> addedIds = new ArrayList<>();
    private volatile int[] everyone;
    private volatile int[] active;
    /** Changes to the directory, each run once after the users request of its number is answered. */
    private final Map<Integer, Runnable> changesAfterRequest = new ConcurrentHashMap<>();
    private final AtomicInteger usersRequests = new AtomicInteger();

    private FakePandaDoc(Builder builder) {
        super(builder);
        PersonGenerator people = new PersonGenerator(builder.seed);
        this.apiKey = builder.apiKey != null ? builder.apiKey : people.hex(40);
        this.accessToken = builder.accessToken != null ? builder.accessToken : people.hex(40);
        String[] workspaces = {people.token("", 22), people.token("", 22), people.token("", 22)};
        int count = builder.users;
        this.userJson = new String[count];
        List<String> ids = new ArrayList<>(count);
        List<String> removed = new ArrayList<>();
        boolean[] isRemoved = new boolean[count];
        for (int i = 0; i < count; i++) {
            PersonGenerator.Person person = people.person(i);
            String id = people.token("", 22);
            ids.add(id);
            // Every tenth user (from the fourth) has a removed membership.
            isRemoved[i] = i % 10 == 3;
            if (isRemoved[i]) {
                removed.add(id);
            }
            ObjectNode user = Reply.object();
            user.put("user_id", id);
            user.put("email", person.email());
            user.put("first_name", person.firstName());
            if (!people.chance(5)) {
                user.put("last_name", person.lastName());
            }
            if (!people.chance(30)) {
                user.put("phone_number", "+1484" + (1_000_000 + people.random().nextInt(9_000_000)));
            }
            if (!people.chance(5)) {
                user.put("license", i == 0 ? "Full" : people.pick(LICENSES));
            }
            user.put("is_organization_owner", i == 0);
            ArrayNode memberships = user.putArray("workspaces");
            int workspaceCount = isRemoved[i] ? 0 : 1 + people.random().nextInt(workspaces.length);
            for (int w = 0; w < workspaceCount; w++) {
                ObjectNode membership = memberships.addObject();
                membership.put("role", i == 0 ? "Admin" : people.pick(WORKSPACE_ROLES));
                membership.put("workspace_id", workspaces[w]);
                membership.put("membership_id", people.token("", 22));
            }
            if (people.chance(5)) {
                user.put("avatar", "https://avatars.example.com/" + id + ".png");
            }
            userJson[i] = Reply.serialise(user);
        }
        this.userIds = List.copyOf(ids);
        this.removedUserIds = List.copyOf(removed);
        this.everyone = IntStream.range(0, count).toArray();
        this.active = IntStream.range(0, count).filter(i -> !isRemoved[i]).toArray();
    }

    /**
     * Starts a fake with {@code userCount} users and default settings.
     *
     * @param userCount users to generate
     * @return the running fake
     */
    public static FakePandaDoc start(int userCount) {
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
     * The API key the fake accepts as {@code Authorization: API-Key <key>}.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The OAuth2 access token the fake accepts as {@code Authorization: Bearer <token>}.
     *
     * @return the token
     */
    public String accessToken() {
        return accessToken;
    }

    @Override
    public Environment environment() {
        return Environment.of(Map.of("PANDADOC_API_KEY", apiKey(), "PANDADOC_BASE_URL", baseUrl()));
    }

    /**
     * Every user id, removed ones included, in served order: what a listing with the default
     * {@code show_removed=true} returns.
     *
     * @return an unmodifiable list
     */
    @Override
    public List<String> userIds() {
        return userIds;
    }

    /**
     * The ids of users whose membership was removed (listed only with {@code show_removed=true}), in served order.
     *
     * @return an unmodifiable list
     */
    public List<String> removedUserIds() {
        return removedUserIds;
    }

    /**
     * Changes the directory after the {@code requestNumber}-th users request (counted from 1, across all callers) has
     * been answered and before the next one is, as if users were added or removed between two pages of a listing.
     *
     * @param requestNumber the users request after which the change happens
     * @param change for example {@code () -> fake.removeUsersAtFront(3)}
     */
    public void changeAfterRequest(int requestNumber, Runnable change) {
        changesAfterRequest.put(requestNumber, change);
    }

    /**
     * Removes the first {@code n} users of the listing (with and without removed memberships); later pages shift.
     *
     * @param n users to remove from the front
     */
    public synchronized void removeUsersAtFront(int n) {
        int[] all = everyone;
        Set<Integer> gone = new HashSet<>();
        for (int i = 0; i < Math.min(n, all.length); i++) {
            gone.add(all[i]);
        }
        everyone = IntStream.of(all).filter(i -> !gone.contains(i)).toArray();
        active = IntStream.of(active).filter(i -> !gone.contains(i)).toArray();
    }

    /**
     * Adds {@code n} new users, with active memberships, in front of the listing; later pages shift. Their ids are
     * {@code added-1}, {@code added-2}, ... in the order of all additions.
     *
     * @param n users to add at the front
     */
    public synchronized void insertUsersAtFront(int n) {
        int[] added = newUsers(n);
        everyone = IntStream.concat(IntStream.of(added), IntStream.of(everyone)).toArray();
        active = IntStream.concat(IntStream.of(added), IntStream.of(active)).toArray();
    }

    /**
     * Adds {@code n} new users, with active memberships, at the end of the listing; ids as for
     * {@link #insertUsersAtFront}.
     *
     * @param n users to add at the end
     */
    public synchronized void appendUsers(int n) {
        int[] added = newUsers(n);
        everyone = IntStream.concat(IntStream.of(everyone), IntStream.of(added)).toArray();
        active = IntStream.concat(IntStream.of(active), IntStream.of(added)).toArray();
    }

    /** Makes {@code n} users {@code added-k}; returns their indexes, in id order. */
    private int[] newUsers(int n) {
        int[] indexes = new int[n];
        for (int i = 0; i < n; i++) {
            String id = "added-" + (addedIds.size() + 1);
            ObjectNode user = Reply.object();
            user.put("user_id", id);
            user.put("email", id + "@example.com");
            user.put("first_name", "Added");
            user.put("is_organization_owner", false);
            user.putArray("workspaces");
            indexes[i] = userJson.length + addedIds.size();
            addedIds.add(id);
            addedJson.add(Reply.serialise(user));
        }
        return indexes;
    }

    /** {@return the ids of the users listed now (with removed memberships), in served order} */
    public synchronized List<String> currentUserIds() {
        return IntStream.of(everyone).mapToObj(this::idAt).toList();
    }

    private String idAt(int index) {
        return index < userJson.length ? userIds.get(index) : addedIds.get(index - userJson.length);
    }

    private String jsonAt(int index) {
        return index < userJson.length ? userJson[index] : addedJson.get(index - userJson.length);
    }

    @Override
    void registerRoutes() {
        route(get(urlPathEqualTo("/public/v1/users")), USERS);
    }

    @Override
    Reply handle(String route, Request request) {
        String key = credential(request, "API-Key");
        String token = credential(request, "Bearer");
        if (key == null && token == null) {
            return error(401, "Authentication credentials were not provided.");
        }
        if (key != null ? !matches(key, apiKey) : !matches(token, accessToken)) {
            return error(401, "Invalid API key or access token.");
        }
        Integer count = integer(query(request, "count"), MAX_COUNT);
        Integer page = integer(query(request, "page"), 1);
        if (count == null || count < 0 || count > MAX_COUNT) {
            return error(400, "count must be an integer between 0 and " + MAX_COUNT);
        }
        if (page == null || page < 0) {
            return error(400, "page must be a non-negative integer");
        }
        String showRemoved = query(request, "show_removed");
        if (showRemoved != null && !showRemoved.equalsIgnoreCase("true") && !showRemoved.equalsIgnoreCase("false")) {
            return error(400, "show_removed must be true or false");
        }
        return answerUsers(count, page, showRemoved == null || showRemoved.equalsIgnoreCase("true"));
    }

    /** One users page, then the change due after it: atomic, so a change falls between two answers. */
    private synchronized Reply answerUsers(int count, int page, boolean showRemoved) {
        Reply reply = usersPage(count, page, showRemoved);
        Runnable change = changesAfterRequest.remove(usersRequests.incrementAndGet());
        if (change != null) {
            change.run();
        }
        return reply;
    }

    private Reply usersPage(int count, int page, boolean showRemoved) {
        int[] view = showRemoved ? everyone : active;
        long from = (long) (Math.max(page, 1) - 1) * count;
        int start = (int) Math.min(view.length, from);
        int end = Math.min(view.length, start + count);
        StringBuilder body = new StringBuilder(64 + (end - start) * 300)
                .append("{\"total\":").append(view.length).append(",\"results\":[");
        for (int i = start; i < end; i++) {
            body.append(i == start ? "" : ",").append(jsonAt(view[i]));
        }
        return Reply.json(200, body.append("]}").toString());
    }

    /** Parses an integer parameter; {@code fallback} when absent, null when not an integer. */
    private static Integer integer(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    Reply error(int status, String message) {
        ObjectNode error = Reply.object();
        error.put("type", switch (status) {
            case 400 -> "validation_error";
            case 401 -> "authentication_error";
            case 404 -> "not_found";
            case 429 -> "throttled";
            default -> "server_error";
        });
        error.put("detail", status == 429 ? "Request was throttled." : message);
        return Reply.json(status, error);
    }

    /** Builds a {@link FakePandaDoc}. */
    public static final class Builder extends FakeVendor.Builder<Builder, FakePandaDoc> {
        private String apiKey;
        private String accessToken;

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

        /**
         * The OAuth2 access token to accept (default: generated from the seed).
         *
         * @param accessToken a non-blank token
         * @return this builder
         */
        public Builder accessToken(String accessToken) {
            this.accessToken = nonBlank(accessToken, "accessToken");
            return this;
        }

        @Override
        public FakePandaDoc start() {
            FakePandaDoc fake = new FakePandaDoc(this);
            fake.start();
            return fake;
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
