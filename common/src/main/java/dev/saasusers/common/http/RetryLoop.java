package dev.saasusers.common.http;

import feign.Request;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The one retry loop of a client: every API call, page fetch and token request runs its
 * attempts here, synchronously ({@link #run}: waits sleep on the {@link TimeSource}) or
 * asynchronously ({@link #runAsync}: waits are scheduled and hold no thread). Both drive the same
 * steps: wait out the client's shared Retry-After pause, make one {@link Attempt}, and on failure
 * ask {@link #shouldRetry} whether and after how long to try again.
 *
 * <p>The rule: a 408, 429, 500, 502, 503 or 504 status, an I/O error (reset, read timeout,
 * attempt deadline, status line or headers cut off), a body cut off, or an answer missing what
 * its spec requires ({@link IncompleteResponseException}) is retried, up to {@code maxRetries}
 * times, after exponential backoff {@code initial * 2^n} capped at the maximum, less up to 25% jitter, or
 * after the server's Retry-After (which pauses the whole client). POST and PATCH are not
 * idempotent: they are retried only where the server provably did not process them (connection
 * refused, 429, 503 with Retry-After), unless {@link RetrySettings#retryNonIdempotent()}. A 401
 * is retried once, without counting, when the credentials could be refreshed. A Retry-After
 * over {@code maxRetryAfter} fails at once. When the loop gives up it throws the typed
 * exception of the last failure, marked with {@link SdkException#attempts()}; an exception that
 * already carries attempts came out of another loop and is never retried again.
 */
public final class RetryLoop {
  private static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
  private static final Set<String> NON_IDEMPOTENT = Set.of("POST", "PATCH");
  /** Jitter only; java.util.Random is thread-safe. */
  private static final Random JITTER = new Random();

  private final VendorProfile vendor;
  private final RetrySettings settings;
  private final Request.Options timeouts;
  private final Duration attemptTimeout;
  private final TimeSource time;
  private final SharedPause pause;
  private final CredentialRefresh credentials;
  private final ClientListener listener;

  private RetryLoop(VendorProfile vendor, RetrySettings settings, Request.Options timeouts,
      Duration attemptTimeout, TimeSource time, SharedPause pause, CredentialRefresh credentials,
      ClientListener listener) {
    this.vendor = vendor;
    this.settings = settings;
    this.timeouts = timeouts;
    this.attemptTimeout = attemptTimeout;
    this.time = time;
    this.pause = pause;
    this.credentials = credentials;
    this.listener = listener;
  }

  /**
   * A loop with a new shared pause; {@link #derive} shares it with derived clients.
   *
   * @param vendor the vendor, named in messages and events
   * @param settings the retry budget and backoff
   * @param timeouts connect and read timeouts of each attempt
   * @param attemptTimeout the deadline of each attempt, connect to last byte
   * @param time where waits happen
   * @param credentials asked after a 401
   * @param listener receives retry events
   * @return the loop
   */
  public static RetryLoop create(VendorProfile vendor, RetrySettings settings,
      Request.Options timeouts, Duration attemptTimeout, TimeSource time,
      CredentialRefresh credentials, ClientListener listener) {
    return new RetryLoop(vendor, settings, timeouts, attemptTimeout, time,
        new SharedPause(time), credentials, listener);
  }

  /**
   * {@return a loop that shares this one's Retry-After pause and time source}
   *
   * @param newSettings the derived client's retry settings
   * @param newTimeouts its timeouts
   * @param newAttemptTimeout its attempt deadline
   * @param newCredentials its credentials
   * @param newListener its listeners
   */
  public RetryLoop derive(RetrySettings newSettings, Request.Options newTimeouts,
      Duration newAttemptTimeout, CredentialRefresh newCredentials, ClientListener newListener) {
    return new RetryLoop(vendor, newSettings, newTimeouts, newAttemptTimeout, time, pause,
        newCredentials, newListener);
  }

  /** {@return the time source waits go through} */
  public TimeSource time() {
    return time;
  }

  /** {@return the retry settings} */
  public RetrySettings settings() {
    return settings;
  }

  /**
   * Runs a call's attempts on this thread until one succeeds or the loop gives up.
   *
   * @param operation the operation, for example {@code listUsers}, named in messages
   * @param attempt makes one attempt; it should fail with the typed {@link SdkException}
   * @param <R> the result type
   * @return the first successful result
   * @throws SdkException the last failure when the loop gives up, or when interrupted while
   *     waiting; any other exception of {@code attempt} is rethrown at once
   */
  public <R> R run(String operation, Function<Attempt, R> attempt) {
    Call<R> call = new Call<>(operation, attempt, () -> false);
    call.waits = (delay, next) -> {
      try {
        time.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        call.fail(call.interrupted(e));
        return;
      }
      next.run();
    };
    call.step();
    return call.outcome();
  }

  /**
   * Runs a call's attempts on {@code executor}, scheduling every wait instead of sleeping.
   *
   * @param operation the operation, named in messages
   * @param attempt makes one attempt on an executor thread
   * @param executor where attempts run
   * @param cancelled checked before each retry; when true, the retry is not sent and the future
   *     completes with the last failure
   * @param <R> the result type
   * @return the result, or the failure the loop gave up with
   */
  public <R> CompletableFuture<R> runAsync(String operation, Function<Attempt, R> attempt,
      Executor executor, BooleanSupplier cancelled) {
    Objects.requireNonNull(executor, "executor");
    Call<R> call = new Call<>(operation, attempt, cancelled);
    call.waits = (delay, next) -> {
      try {
        time.schedule(delay, executor, next);
      } catch (RuntimeException rejected) {
        call.fail(rejected);
      }
    };
    call.waits.after(Duration.ZERO, call::step);
    return call.result;
  }

  /**
   * The retry rule for one failure, without waiting or counting.
   *
   * @param failure what the attempt failed with
   * @param method the HTTP method sent, or null when unknown (treated as not idempotent)
   * @return true when the rule allows another attempt (budget and Retry-After cap aside)
   */
  public boolean shouldRetry(SdkException failure, String method) {
    if (failure.attempts() > 0) {
      return false; // the outcome of another loop: its budget is spent
    }
    boolean idempotent = method != null && !NON_IDEMPOTENT.contains(method);
    boolean anyMethod = idempotent || settings.retryNonIdempotent();
    if (failure instanceof ApiException api) {
      int status = api.statusCode();
      if (!RETRIED_STATUSES.contains(status)) {
        return false;
      }
      // Not processed: a 429, or a 503 that says when to come back.
      boolean notProcessed = status == 429 || (status == 503 && api.retryAfter().isPresent());
      return anyMethod || notProcessed;
    }
    if (failure instanceof ApiIoException io) {
      return anyMethod || io.requestNotSent();
    }
    if (failure instanceof IncompleteResponseException) {
      return anyMethod; // like a body cut off: the server did answer, so a write may have happened
    }
    return false;
  }

  @Override
  public String toString() {
    return "RetryLoop{" + vendor.id() + ", " + settings + ", attemptTimeout=" + attemptTimeout + "}";
  }

  /** How a call waits between attempts: sleeping, or scheduling. */
  private interface Waits {
    void after(Duration delay, Runnable next);
  }

  /** One call's progress across its attempts. */
  private final class Call<R> {
    final String operation;
    final Function<Attempt, R> attempt;
    final BooleanSupplier cancelled;
    final CompletableFuture<R> result = new CompletableFuture<>();
    Waits waits;
    int attempts;
    int retries;
    boolean authRetried;

    Call(String operation, Function<Attempt, R> attempt, BooleanSupplier cancelled) {
      this.operation = operation;
      this.attempt = attempt;
      this.cancelled = cancelled;
    }

    /** Waits out the shared pause, then makes one attempt and decides what follows. */
    void step() {
      Duration paused = pause.remaining();
      if (!paused.isZero()) {
        waits.after(paused, this::step);
        return;
      }
      Attempt current = new Attempt(timeouts, attemptTimeout, ++attempts, operation);
      R value;
      try {
        value = attempt.apply(current);
      } catch (Throwable t) {
        failed(current, t);
        return;
      }
      result.complete(value);
    }

    private void failed(Attempt current, Throwable t) {
      if (!(t instanceof SdkException failure)) {
        fail(t); // not a request failure: user code or a bug, never retried
        return;
      }
      Optional<Duration> delay = nextDelay(current, failure);
      if (delay.isEmpty() || cancelled.getAsBoolean()) {
        fail(failure.attempts() > 0 ? failure : failure.afterAttempts(attempts));
        return;
      }
      waits.after(delay.get(), () -> {
        if (cancelled.getAsBoolean()) {
          fail(failure.afterAttempts(attempts));
        } else {
          step();
        }
      });
    }

    /** The wait before the next attempt, or empty to give up; counts the retry and reports it. */
    private Optional<Duration> nextDelay(Attempt current, SdkException failure) {
      if (Thread.currentThread().isInterrupted()) {
        return Optional.empty();
      }
      if (failure instanceof UnauthorizedException && failure.attempts() == 0) {
        if (authRetried) {
          return Optional.empty();
        }
        authRetried = true;
        if (!credentials.invalidate(current.sentAuthorization())) {
          return Optional.empty();
        }
        report(current, "HTTP 401", Duration.ZERO, false);
        return Optional.of(Duration.ZERO);
      }
      if (!shouldRetry(failure, current.sentMethod()) || retries >= settings.maxRetries()) {
        return Optional.empty();
      }
      Optional<Duration> retryAfter = failure instanceof ApiException api
          ? api.retryAfter() : Optional.empty();
      if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
        return Optional.empty();
      }
      Duration delay = retryAfter.orElseGet(() -> backoff(retries));
      retries++;
      retryAfter.ifPresent(pause::pauseFor);
      report(current, causeOf(failure), delay, retryAfter.isPresent());
      return Optional.of(delay);
    }

    private void report(Attempt current, String cause, Duration delay, boolean fromRetryAfter) {
      listener.onRetryScheduled(new ClientListener.RetryScheduled(vendor.id(),
          Objects.requireNonNullElse(current.sentMethod(), ""),
          Objects.requireNonNullElse(current.sentPath(), ""), cause, delay, fromRetryAfter,
          current.number() + 1));
    }

    void fail(Throwable t) {
      result.completeExceptionally(t);
    }

    SdkException interrupted(InterruptedException e) {
      return new SdkException(vendor.displayName() + " " + operation
          + " failed: interrupted while waiting to retry", e);
    }

    /** The synchronous outcome; every step of a synchronous call has run by now. */
    R outcome() {
      Throwable failure = result.handle((value, error) -> error).join();
      if (failure == null) {
        return result.join();
      }
      throw sneaky(failure);
    }
  }

  private Duration backoff(int retry) {
    long initial = settings.initialBackoff().toMillis();
    long max = settings.maxBackoff().toMillis();
    long base = retry >= 30 ? max : Math.min(max, initial * (1L << retry));
    double jitter = 1 - 0.25 * JITTER.nextDouble();
    return Duration.ofMillis((long) (base * jitter));
  }

  private static String causeOf(SdkException failure) {
    if (failure instanceof ApiException api) {
      return "HTTP " + api.statusCode();
    }
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("[\\r\\n]+", " "));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
