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
   * @param listeners listeners to notify in order; one that throws does not stop the others
   * @return one listener that notifies all of them
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
   * @param vendor vendor id, for example {@code datagrid}
   * @param method HTTP method
   * @param path request path and query, without secrets
   * @param attempt 1 for the first attempt, 2 for the first retry, ...
   */
  record RequestSent(String vendor, String method, String path, int attempt) {
  }

  /**
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
   * @param vendor vendor id
   * @param grant OAuth2 grant type, for example {@code client_credentials}
   * @param expiresIn the lifetime the server gave, or null when it gave none
   * @param refresh true when this replaced an expired or rejected token
   */
  record TokenFetched(String vendor, String grant, Duration expiresIn, boolean refresh) {
  }

  /**
   * @param vendor vendor id
   * @param pageIndex 0-based index of the page within this listing run
   * @param items number of items on the page
   * @param checkpoint where a listing resumes after this page
   */
  record PageDelivered(String vendor, int pageIndex, int items, String checkpoint) {
  }
}
