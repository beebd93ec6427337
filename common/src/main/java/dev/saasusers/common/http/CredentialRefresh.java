package dev.saasusers.common.http;

/**
 * What the retry loop asks the credentials after a 401: whether a second attempt with fresh
 * credentials may succeed. Implemented by the authenticators in {@code auth}; declared here so
 * that the HTTP layer does not depend on them.
 */
public interface CredentialRefresh {

  /** Credentials that never refresh. */
  CredentialRefresh NONE = rejected -> false;

  /**
   * Called after a 401 for a request sent with the given {@code Authorization} value.
   *
   * @param rejectedAuthorization the header value that the server rejected, or null
   * @return true when cached credentials were dropped and one retry with fresh ones may succeed
   */
  boolean invalidate(String rejectedAuthorization);
}
