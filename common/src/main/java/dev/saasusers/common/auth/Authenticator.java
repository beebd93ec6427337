package dev.saasusers.common.auth;

import dev.saasusers.common.http.CredentialRefresh;
import feign.RequestInterceptor;

/**
 * Adds credentials to every request. One per auth scheme: bearer token, API key header, token
 * supplier, OAuth2 grants. Implementations never reveal a secret in {@code toString()}.
 */
public interface Authenticator extends RequestInterceptor, CredentialRefresh {

  /**
   * Gives the authenticator what it needs to fetch tokens itself. Called once when a client is
   * built; clients derived from it share the bound instance, and so its token cache.
   *
   * @param context the client's base URL, transport and listener
   * @return the authenticator to use for that client
   */
  default Authenticator bind(AuthContext context) {
    return this;
  }

  /**
   * Called after a 401 for a request sent with the given {@code Authorization} value.
   *
   * @param rejectedAuthorization the header value that the server rejected, or null
   * @return true when cached credentials were dropped and one retry with fresh ones may succeed
   */
  @Override
  default boolean invalidate(String rejectedAuthorization) {
    return false;
  }
}
