package dev.saasusers.common.auth;

import dev.saasusers.common.http.SdkException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Holds one access token until a margin before it expires, and fetches a new one single-flight:
 * however many threads need a token at once, one of them makes the request and the others wait
 * for its result (or its failure) on a future. No lock is held during the request.
 */
final class TokenCache {
  /**
   * The longest a token is kept, whatever lifetime the server gave: a day. An absurd
   * {@code expires_in} (10^18 seconds) would overflow the expiry instant, and a token the server
   * forgot about is dropped after a day at worst (a 401 refreshes it sooner).
   */
  static final Duration MAX_LIFETIME = Duration.ofDays(1);

  /** Fetches a new token; {@code refresh} is true when it replaces an earlier one. */
  interface Fetcher {
    AccessToken fetch(boolean refresh);
  }

  /**
   * A token as the endpoint gave it.
   *
   * @param value the access token
   * @param expiresIn its lifetime, or null when the endpoint gave none
   */
  record AccessToken(String value, Duration expiresIn) {
    @Override
    public String toString() {
      return "AccessToken{value=***, expiresIn=" + expiresIn + "}";
    }
  }

  /** A cached token and the instant from which it is no longer handed out. */
  private record Cached(String value, Instant refreshAt) {
    boolean usableAt(Instant now) {
      return refreshAt == null || now.isBefore(refreshAt);
    }
  }

  private final Fetcher fetcher;
  private final Clock clock;
  private final Duration margin;

  // Guarded by this; the monitor is held only for these few field updates, never for I/O.
  private Cached current;
  private CompletableFuture<Cached> inFlight;
  private boolean fetchedBefore;

  TokenCache(Fetcher fetcher, Clock clock, Duration margin) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.margin = margin;
  }

  /**
   * {@return a token that is not within the margin of its expiry, fetching one if needed}
   *
   * @throws SdkException when the token request failed (an {@link AuthenticationException} when
   *     the endpoint refused the credentials, another {@code ApiException} for another status,
   *     an {@code ApiIoException} when it could not be sent or answered)
   */
  String token() {
    CompletableFuture<Cached> flight;
    boolean leader = false;
    boolean refresh;
    synchronized (this) {
      if (current != null && current.usableAt(clock.instant())) {
        return current.value();
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      }
      flight = inFlight;
      refresh = fetchedBefore;
    }
    return leader ? lead(flight, refresh) : follow(flight);
  }

  private String lead(CompletableFuture<Cached> flight, boolean refresh) {
    Cached fetched;
    try {
      AccessToken token = fetcher.fetch(refresh);
      fetched = new Cached(token.value(), refreshAt(token.expiresIn()));
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        inFlight = null;
      }
      flight.completeExceptionally(e);
      throw e;
    }
    synchronized (this) {
      current = fetched;
      fetchedBefore = true;
      inFlight = null;
    }
    flight.complete(fetched);
    return fetched.value();
  }

  private static String follow(CompletableFuture<Cached> flight) {
    try {
      return flight.get().value();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SdkException("interrupted while waiting for an OAuth2 token", e);
    } catch (ExecutionException e) {
      // Each waiting thread gets its own instance, of the leader's class: the same status, and
      // so the same retry and resume decisions, as if it had made the request itself.
      Throwable cause = e.getCause();
      if (cause instanceof SdkException sdk) {
        throw sdk.forCurrentThread();
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new SdkException(cause.getMessage(), cause);
    }
  }

  /**
   * Without {@code expires_in} the token is kept until a 401 invalidates it. The lifetime is
   * clamped to zero to {@link #MAX_LIFETIME}. The margin never exceeds half the lifetime, so a
   * short-lived token is still used for a while.
   */
  private Instant refreshAt(Duration expiresIn) {
    if (expiresIn == null) {
      return null;
    }
    Duration lifetime = clamp(expiresIn);
    Duration halfLife = lifetime.dividedBy(2);
    Duration effectiveMargin = margin.compareTo(halfLife) > 0 ? halfLife : margin;
    return clock.instant().plus(lifetime).minus(effectiveMargin);
  }

  /**
   * {@return it, clamped to zero to {@link #MAX_LIFETIME}}
   *
   * @param lifetime a token lifetime
   */
  static Duration clamp(Duration lifetime) {
    return lifetime.isNegative() ? Duration.ZERO
        : lifetime.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : lifetime;
  }

  /**
   * Reacts to a 401 for a request sent with {@code rejectedToken}.
   *
   * @param rejectedToken the token the server rejected (without the {@code Bearer } prefix)
   * @return true when the next {@link #token()} gives a different token than the rejected one:
   *     either this call dropped it, or another thread already replaced it or is fetching a new
   *     one. The caller retries once at most.
   */
  synchronized boolean invalidate(String rejectedToken) {
    if (rejectedToken == null) {
      return false;
    }
    if (current != null && current.value().equals(rejectedToken)) {
      current = null;
    }
    // Either dropped now, or already replaced/being replaced: the next token differs.
    return true;
  }
}
