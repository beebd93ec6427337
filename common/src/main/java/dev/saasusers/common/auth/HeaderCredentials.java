package dev.saasusers.common.auth;

import feign.RequestTemplate;

/** A fixed header value, checked when built. */
final class HeaderCredentials implements Authenticator {
  private final String kind;
  private final String source;
  private final String headerName;
  private final String headerValue;
  private final String secret;

  HeaderCredentials(String kind, String source, String headerName, String headerValue,
      String secret) {
    this.kind = kind;
    this.source = source;
    this.headerName = headerName;
    this.headerValue = headerValue;
    this.secret = secret;
  }

  /** Registers the key or token, so an echo of it is scrubbed; stateless, so no copy. */
  @Override
  public Authenticator bind(AuthContext context) {
    context.secrets().register(secret);
    return this;
  }

  @Override
  public void apply(RequestTemplate template) {
    // Replace, not append: Feign re-applies interceptors to the same template on a retry.
    template.removeHeader(headerName);
    // Literal: a key holding '{' must not be read as a Feign template expression.
    template.headerLiteral(headerName, headerValue);
  }

  @Override
  public String toString() {
    return "Credentials." + kind + "{source=" + source + ", header=" + headerName + ", value=***}";
  }
}
