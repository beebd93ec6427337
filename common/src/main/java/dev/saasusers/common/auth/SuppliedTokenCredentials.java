package dev.saasusers.common.auth;

import dev.saasusers.common.http.SecretRegistry;
import feign.RequestTemplate;
import java.util.function.Supplier;

/** A bearer token asked from the caller's supplier for every request. */
final class SuppliedTokenCredentials implements Authenticator {
  private final Supplier<String> tokens;
  private final String source;
  /** The bound client's secrets; each supplied token is registered before it is sent. */
  private final SecretRegistry secrets;

  SuppliedTokenCredentials(Supplier<String> tokens, String source) {
    this(tokens, source, SecretRegistry.create());
  }

  private SuppliedTokenCredentials(Supplier<String> tokens, String source, SecretRegistry secrets) {
    this.tokens = tokens;
    this.source = source;
    this.secrets = secrets;
  }

  @Override
  public Authenticator bind(AuthContext context) {
    return new SuppliedTokenCredentials(tokens, source, context.secrets());
  }

  @Override
  public void apply(RequestTemplate template) {
    String token;
    try {
      token = Credentials.requireHeaderSafe(tokens.get(), source);
    } catch (IllegalArgumentException e) {
      // The supplier was valid when built; what it returns now is state, not an argument.
      throw new IllegalStateException(e.getMessage() + " (returned by the token supplier)");
    }
    secrets.register(token);
    template.removeHeader(Credentials.AUTHORIZATION);
    template.headerLiteral(Credentials.AUTHORIZATION, Credentials.BEARER_PREFIX + token);
  }

  /**
   * Offers one retry only when the supplier now gives a different token than the rejected one,
   * for example because the caller refreshed it meanwhile.
   */
  @Override
  public boolean invalidate(String rejectedAuthorization) {
    if (rejectedAuthorization == null) {
      return false;
    }
    String current;
    try {
      current = tokens.get();
    } catch (RuntimeException e) {
      return false;
    }
    return current != null && !current.isBlank()
        && !rejectedAuthorization.equals(Credentials.BEARER_PREFIX + current);
  }

  @Override
  public String toString() {
    return "Credentials.tokenSupplier{source=" + source + ", token=***}";
  }
}
