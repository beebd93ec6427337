package dev.saasusers.common.http;

import java.time.Duration;

/**
 * Observes what a client does. Register one with {@code ClientOptions.Builder.addListener}; DEBUG
 * logging and the CLI's progress display are built on these same events. Events never carry a
 * secret: URLs hold no credentials and headers are not included.
 *
 * <p>Methods are called on the thread that did the work and must return quickly.
 */
public interface ClientListener {

  /**
   * {@return one listener that notifies all of them}
   *
   * @param listeners listeners to notify in order; one that throws does not stop the others
   */
  static ClientListener fanOut(java.util.List<ClientListener> listeners) {
    return new ListenerFanout(java.util.List.copyOf(listeners));
  }

  /**
   * A request attempt is about to be sent.
   *
   * @param event the attempt
   */
  default void onRequestSent(RequestSent event) {
  }

  /**
   * A response arrived, or the attempt failed with an I/O error (status 0).
   *
   * @param event the outcome
   */
  default void onResponseReceived(ResponseReceived event) {
  }

  /**
   * A failed attempt will be retried after a delay.
   *
   * @param event why and when
   */
  default void onRetryScheduled(RetryScheduled event) {
  }

  /**
   * An OAuth2 token was fetched, or fetched again after expiry or a 401.
   *
   * @param event the token's lifetime, never the token
   */
  default void onTokenFetched(TokenFetched event) {
  }

  /**
   * A listing delivered a page to the caller.
   *
   * @param event the page's size and checkpoint
   */
  default void onPageDelivered(PageDelivered event) {
  }

  /**
   * A listing met paging signals that contradict each other, for example a full page whose
   * {@code total} says the listing is over. The listing went on, ended or failed as
   * {@link PagingAnomaly#outcome()} says; either way it can no longer prove that it delivered
   * every item, so a caller that must know (an export, an offboarding job) should treat the
   * run as unproven.
   *
   * @param event what contradicted what, and what the listing did
   */
  default void onPagingAnomaly(PagingAnomaly event) {
  }

  /**
   * Called when a page-number listing sees that the directory changed under it (the total moved,
   * a page repeated ids already delivered, or a page fell short of the total). The listing then
   * reads the pages again from the first one, delivering only users not delivered yet.
   *
   * @param event what was seen, and where
   */
  default void onDirectoryChanged(DirectoryChanged event) {
  }

  /**
   * Called when a listing that saw a change ends: repaired by a stable pass, or not proven
   * because it reached its bound of passes.
   *
   * @param event pages read again, users recovered, and whether the repair is proven
   */
  default void onDirectoryRepaired(DirectoryRepaired event) {
  }

  /**
   * An attempt was sent.
   *
   * @param vendor vendor id, for example {@code datagrid}
   * @param method HTTP method
   * @param path request path and query, without secrets
   * @param attempt 1 for the first attempt, 2 for the first retry, ...
   */
  record RequestSent(String vendor, String method, String path, int attempt) {
  }

  /**
   * An answer arrived.
   *
   * @param vendor vendor id
   * @param method HTTP method
   * @param path request path and query
   * @param status HTTP status, or 0 when no response arrived
   * @param duration time from send to response headers (or failure)
   * @param attempt attempt number, from 1
   */
  record ResponseReceived(
      String vendor, String method, String path, int status, Duration duration, int attempt) {
  }

  /**
   * A failed attempt will be retried after a delay.
   *
   * @param vendor vendor id
   * @param method HTTP method
   * @param path request path and query
   * @param cause short description, for example {@code HTTP 429} or {@code connection reset}
   * @param delay how long the client waits before the next attempt
   * @param fromRetryAfter true when the delay came from the server's Retry-After header
   * @param nextAttempt the attempt number that will follow
   */
  record RetryScheduled(
      String vendor, String method, String path, String cause, Duration delay,
      boolean fromRetryAfter, int nextAttempt) {
  }

  /**
   * An access token was fetched from the token endpoint.
   *
   * @param vendor vendor id
   * @param grant OAuth2 grant type, for example {@code client_credentials}
   * @param expiresIn the lifetime the client keeps the token for: the server's, clamped to at
   *     most a day; null when the server gave none
   * @param refresh true when this replaced an expired or rejected token
   */
  record TokenFetched(String vendor, String grant, Duration expiresIn, boolean refresh) {
  }

  /**
   * A listing delivered a page to the caller.
   *
   * @param vendor vendor id
   * @param pageIndex 0-based index of the page within this listing run
   * @param items number of items on the page
   * @param checkpoint where a listing resumes after this page
   */
  record PageDelivered(String vendor, int pageIndex, int items, String checkpoint) {
  }

  /**
   * A page's paging signals contradicted each other.
   *
   * @param vendor vendor id
   * @param pageIndex 0-based index, within this listing run, of the page that showed it
   * @param position where that page was fetched, for example {@code page:3}
   * @param kind what contradicted what
   * @param detail the values involved, for a person, for example
   *     {@code "total -5, but page 1 holds 50 of 50 items"}
   * @param outcome what the listing did about it
   */
  record PagingAnomaly(String vendor, int pageIndex, String position, Kind kind, String detail,
      Outcome outcome) {

    /** The contradictions a listing detects. */
    public enum Kind {
      /** A full page, but {@code total} is below the items delivered so far. */
      TOTAL_BELOW_ITEMS,
      /** {@code total} is negative. */
      NEGATIVE_TOTAL,
      /** A short (last) page, but {@code total} says more items exist. */
      SHORT_OF_TOTAL,
      /** The last page gave no {@code total}, so the count cannot be checked against one. */
      NO_TOTAL,
      /** The server says more items follow ({@code has_more}), but sent none. */
      HAS_MORE_WITHOUT_ITEMS
    }

    /** What the listing did. */
    public enum Outcome {
      /** It went on to the next page: full pages are evidence that the claim is wrong. */
      CONTINUED,
      /** It ended there, as the pages say, without proof that nothing is missing. */
      ENDED,
      /** It failed with a {@code PagingException}, carrying the last good checkpoint. */
      FAILED
    }
  }

  /**
   * A listing saw the directory change under it.
   *
   * @param vendor vendor id
   * @param pageIndex 0-based index, within this listing run, of the page that showed the change
   * @param position where that page was fetched, for example {@code #2}
   * @param pass the pass that saw it: 0 for the first reading, 1 for the first repair pass
   * @param detail what moved, for a person, for example {@code "total 197, was 200"}
   */
  record DirectoryChanged(String vendor, int pageIndex, String position, int pass,
      String detail) {
  }

  /**
   * A listing that saw a change finished its repair.
   *
   * @param vendor vendor id
   * @param pagesReadAgain pages fetched again by repair passes
   * @param usersRecovered users delivered by repair passes that the first reading missed
   * @param proven true when a repair pass saw a stable directory; false when the listing stopped
   *     at its bound of passes and users may be missing
   */
  record DirectoryRepaired(String vendor, int pagesReadAgain, long usersRecovered,
      boolean proven) {
  }
}
