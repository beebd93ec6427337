package dev.saasusers.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which faults a fake vendor injects into its users endpoint, and a log of those it did. Thread-safe.
 *
 * <p>For each users-endpoint request the plan picks at most one fault, in this order:
 * <ol>
 *   <li>the head of the {@link #next(FakeFault...) queue};</li>
 *   <li>the {@link #always(FakeFault) standing fault}, once its {@link #alwaysAfter(int, FakeFault) delay} is used up;</li>
 *   <li>the {@link #everyRequestOnce(FakeFault...) schedule}, for the first request of each distinct URL.</li>
 * </ol>
 * Token and unknown-path requests are never faulted.
 */
public final class FaultPlan {

    private final Deque<FakeFault> queue = new ArrayDeque<>();
    private final List<FakeFault> schedule = new ArrayList<>();
    private final Set<String> scheduledUrls = new HashSet<>();
    private final List<InjectedFault> injected = new ArrayList<>();
    private int scheduleIndex;
    private FakeFault standing;
    private int requestsBeforeStanding;
    private Duration retryAfter = Duration.ofSeconds(1);
    private Duration slowResponseDelay = Duration.ofSeconds(2);

    FaultPlan() {
    }

    /**
     * Queues faults for the next users-endpoint requests, one fault per request, in order.
     *
     * @param faults the faults, at least one
     * @return this plan
     */
    public synchronized FaultPlan next(FakeFault... faults) {
        queue.addAll(nonEmpty(faults));
        return this;
    }

    /**
     * Gives the first request for each distinct URL (path and query) one fault, cycling through {@code schedule};
     * a repeat of that URL (the retry) succeeds. Replaces any earlier schedule.
     *
     * @param schedule the faults to cycle through, at least one
     * @return this plan
     */
    public synchronized FaultPlan everyRequestOnce(FakeFault... schedule) {
        List<FakeFault> faults = nonEmpty(schedule);
        this.schedule.clear();
        this.schedule.addAll(faults);
        scheduledUrls.clear();
        scheduleIndex = 0;
        return this;
    }

    /**
     * Injects {@code fault} into every users-endpoint request until {@link #clear()}.
     *
     * @param fault the fault
     * @return this plan
     */
    public FaultPlan always(FakeFault fault) {
        return alwaysAfter(0, fault);
    }

    /**
     * Lets the next {@code requests} users-endpoint requests through, then injects {@code fault} into every one
     * until {@link #clear()}: a vendor that fails mid-listing.
     *
     * @param requests how many requests still succeed first, at least 0
     * @param fault    the fault
     * @return this plan
     */
    public synchronized FaultPlan alwaysAfter(int requests, FakeFault fault) {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0, was " + requests);
        }
        standing = Objects.requireNonNull(fault, "fault");
        requestsBeforeStanding = requests;
        return this;
    }

    /**
     * Takes the vendor down: every users-endpoint request gets a 503 until {@link #clear()}.
     *
     * @return this plan
     */
    public FaultPlan down() {
        return always(FakeFault.SERVICE_UNAVAILABLE);
    }

    /**
     * Removes every pending fault (queue, standing fault and schedule). The log of injected faults is kept.
     *
     * @return this plan
     */
    public synchronized FaultPlan clear() {
        queue.clear();
        schedule.clear();
        scheduledUrls.clear();
        scheduleIndex = 0;
        standing = null;
        requestsBeforeStanding = 0;
        return this;
    }

    /**
     * Sets the wait a 429 asks for. Sent as whole seconds (rounded up); an HTTP-date is rounded up to a whole second.
     *
     * @param wait the wait, positive
     * @return this plan
     */
    public synchronized FaultPlan retryAfter(Duration wait) {
        this.retryAfter = positive(wait, "retryAfter");
        return this;
    }

    /**
     * The wait a 429 asks for (default 1 s).
     *
     * @return the wait
     */
    public synchronized Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Sets how long a {@link FakeFault#SLOW_RESPONSE} holds the response back.
     *
     * @param delay the delay, positive
     * @return this plan
     */
    public synchronized FaultPlan slowResponseDelay(Duration delay) {
        this.slowResponseDelay = positive(delay, "slowResponseDelay");
        return this;
    }

    /**
     * How long a {@link FakeFault#SLOW_RESPONSE} holds the response back (default 2 s).
     *
     * @return the delay
     */
    public synchronized Duration slowResponseDelay() {
        return slowResponseDelay;
    }

    /**
     * How many faults were injected since start or the last {@link FakeVendor#resetRequests()}.
     *
     * @return the count
     */
    public synchronized int injectedCount() {
        return injected.size();
    }

    /**
     * How many faults of one kind were injected since start or the last {@link FakeVendor#resetRequests()}.
     *
     * @param fault the kind
     * @return the count
     */
    public synchronized int injectedCount(FakeFault fault) {
        return (int) injected.stream().filter(f -> f.fault() == fault).count();
    }

    /**
     * The injected faults, in order.
     *
     * @return a snapshot
     */
    public synchronized List<InjectedFault> injected() {
        return List.copyOf(injected);
    }

    /** Picks the fault for one users-endpoint request and logs it; null when none. */
    synchronized InjectedFault decide(String method, String url, Instant now) {
        FakeFault fault = pick(url);
        if (fault == null) {
            return null;
        }
        Instant retryNotBefore = switch (fault) {
            case RATE_LIMITED -> now.plusSeconds(retryAfterSeconds());
            case RATE_LIMITED_HTTP_DATE -> roundUpToSecond(now.plus(retryAfter));
            default -> now;
        };
        InjectedFault event = new InjectedFault(now, method, url, fault, retryNotBefore);
        injected.add(event);
        return event;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up. */
    synchronized long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return retryAfter.toNanosPart() > 0 ? seconds + 1 : seconds;
    }

    synchronized void resetLog() {
        injected.clear();
    }

    private FakeFault pick(String url) {
        if (!queue.isEmpty()) {
            return queue.poll();
        }
        if (standing != null) {
            if (requestsBeforeStanding == 0) {
                return standing;
            }
            requestsBeforeStanding--;
            return null;
        }
        if (!schedule.isEmpty() && scheduledUrls.add(url)) {
            FakeFault fault = schedule.get(scheduleIndex);
            scheduleIndex = (scheduleIndex + 1) % schedule.size();
            return fault;
        }
        return null;
    }

    private static Instant roundUpToSecond(Instant instant) {
        return instant.getNano() == 0 ? instant : Instant.ofEpochSecond(instant.getEpochSecond() + 1);
    }

    private static List<FakeFault> nonEmpty(FakeFault[] faults) {
        if (faults == null || faults.length == 0) {
            throw new IllegalArgumentException("at least one fault is required");
        }
        List<FakeFault> list = Arrays.asList(faults);
        if (list.contains(null)) {
            throw new IllegalArgumentException("faults must not contain null");
        }
        return list;
    }

    private static Duration positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
        return duration;
    }

    @Override
    public synchronized String toString() {
        return "FaultPlan[queued=" + queue.size() + ", standing=" + standing + ", schedule=" + schedule
                + ", injected=" + injected.size() + "]";
    }
}
