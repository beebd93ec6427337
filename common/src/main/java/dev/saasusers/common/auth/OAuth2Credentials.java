package dev.saasusers.common.auth;

import feign.RequestTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * OAuth2 grants where the SDK fetches the access token itself (RFC 6749): client credentials
 * (section 4.4) and resource owner password (section 4.3), as Podero uses them.
 *
 * <pre>{@code
 * OAuth2Credentials auth = OAuth2Credentials.clientCredentials(clientId, clientSecret)
 *     .scope("users:read")           // optional
 *     .build();                      // token URL: the vendor's default, resolved at bind
 * }</pre>
 *
 * <p>The token request is a form-encoded POST sent through the client's own transport and
 * timeouts. The client authenticates with HTTP Basic by default (RFC 6749 section 2.3.1), or with
 * {@code client_id}/{@code client_secret} in the body when {@link
 * Builder#clientSecretInBody(boolean)} is set. The token is cached until {@code expires_in} minus
 * the refresh margin, and a refresh is single-flight: many threads needing a token at once cause
 * one request. After a 401 on an API call, {@link #invalidate(String)} drops the rejected token so
 * that one retry uses a new one.
 *
 * <p>Instances are immutable and configured through a {@link Builder}. A client calls {@link
 * #bind(AuthContext)} once; the bound instance owns the token cache. {@code toString()} never shows
 * a secret.
 */
public final class OAuth2Credentials implements Authenticator {
  static final String CLIENT_CREDENTIALS = "client_credentials";
  static final String PASSWORD = "password";

  /** The default refresh margin: a token is replaced 30 s before it expires. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(30);

  final String grant;
  final String clientId;
  final String clientSecret;
  final String username;
  final String password;
  final String tokenUrl;
  final boolean clientSecretInBody;
  final String scope;
  final Duration refreshMargin;
  final Clock clock;

  private final TokenCache cache;

  private OAuth2Credentials(Builder b, String tokenUrl, TokenCache cache) {
    this.grant = b.grant;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.username = b.username;
    this.password = b.password;
    this.tokenUrl = tokenUrl;
    this.clientSecretInBody = b.clientSecretInBody;
    this.scope = b.scope;
    this.refreshMargin = b.refreshMargin;
    this.clock = b.clock;
    this.cache = cache;
  }

  /**
   * Starts a client credentials grant.
   *
   * @param clientId the OAuth2 client id
   * @param clientSecret the OAuth2 client secret
   * @return a builder for further options
   * @throws IllegalArgumentException if either value is blank or contains a line break
   */
  public static Builder clientCredentials(String clientId, String clientSecret) {
    Builder b = new Builder(CLIENT_CREDENTIALS);
    b.clientId = Credentials.requireHeaderSafe(clientId, "clientId");
    b.clientSecret = Credentials.requireHeaderSafe(clientSecret, "clientSecret");
    return b;
  }

  /**
   * Starts a resource owner password grant. A client id and secret are optional; set them on the
   * builder when the vendor requires client authentication too.
   *
   * @param username the user's name
   * @param password the user's password
   * @return a builder for further options
   * @throws IllegalArgumentException if either value is blank or contains a line break
   */
  public static Builder password(String username, String password) {
    Builder b = new Builder(PASSWORD);
    b.username = Credentials.requireHeaderSafe(username, "username");
    b.password = Credentials.requireHeaderSafe(password, "password");
    return b;
  }

  /** {@return the grant type, {@code client_credentials} or {@code password}} */
  public String grant() {
    return grant;
  }

  /** {@return the token URL as configured (absolute or relative), if one was set} */
  public Optional<String> tokenUrl() {
    return Optional.ofNullable(tokenUrl);
  }

  /**
   * Used by a vendor's client builder to supply the token URL from the vendor's spec when the
   * caller set none.
   *
   * @param defaultTokenUrl the vendor's token URL, absolute or relative to the base URL
   * @return this instance when a token URL is already set, otherwise an unbound copy using the
   *     default
   */
  public OAuth2Credentials withDefaultTokenUrl(String defaultTokenUrl) {
    if (tokenUrl != null) {
      return this;
    }
    return new OAuth2Credentials(toBuilder(), checkTokenUrlSyntax(defaultTokenUrl), null);
  }

  /**
   * Resolves the token URL against the client's base URL and creates the token cache that the
   * client and the clients derived from it share.
   *
   * @param context the client's base URL, transport, timeouts and listener
   * @return a bound copy; this instance is unchanged
   * @throws IllegalArgumentException if no token URL is set, a relative one has no base URL to
   *     resolve against, or it is plain http to a host that is not loopback
   */
  @Override
  public OAuth2Credentials bind(AuthContext context) {
    Objects.requireNonNull(context, "context");
    if (tokenUrl == null) {
      throw new IllegalArgumentException(
          "OAuth2 token URL is not set: call tokenUrl(...) on the OAuth2Credentials builder");
    }
    context.secrets().register(clientSecret);
    context.secrets().register(password);
    TokenEndpoint endpoint = new TokenEndpoint(this, context);
    return new OAuth2Credentials(
        toBuilder(), tokenUrl, new TokenCache(endpoint::fetch,
            clock != null ? clock : context.time() != null ? context.time().clock() : Clock.systemUTC(),
            refreshMargin));
  }

  /**
   * Sets {@code Authorization: Bearer <token>}, fetching a token when none is cached or the
   * cached one is within the refresh margin of its expiry.
   *
   * @throws IllegalStateException if this instance was not bound to a client
   * @throws AuthenticationException if the token endpoint refused the credentials
   */
  @Override
  public void apply(RequestTemplate template) {
    if (cache == null) {
      throw new IllegalStateException(
          "OAuth2Credentials is not bound to a client: pass it to a client builder");
    }
    String token = cache.token();
    template.removeHeader(Credentials.AUTHORIZATION);
    template.headerLiteral(Credentials.AUTHORIZATION, Credentials.BEARER_PREFIX + token);
  }

  /**
   * Drops the cached token if it is the one rejected.
   *
   * @param rejectedAuthorization the {@code Authorization} value the server answered 401 to
   * @return true when the next request will carry a different token (this call dropped the
   *     rejected one, or another thread already replaced it); retry once at most
   */
  @Override
  public boolean invalidate(String rejectedAuthorization) {
    if (cache == null || rejectedAuthorization == null
        || !rejectedAuthorization.regionMatches(
            true, 0, Credentials.BEARER_PREFIX, 0, Credentials.BEARER_PREFIX.length())) {
      return false;
    }
    return cache.invalidate(rejectedAuthorization.substring(Credentials.BEARER_PREFIX.length()));
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("OAuth2Credentials{grant=").append(grant);
    if (clientId != null) {
      s.append(", clientId=").append(clientId);
    }
    if (clientSecret != null) {
      s.append(", clientSecret=***");
    }
    if (username != null) {
      s.append(", username=***, password=***");
    }
    if (tokenUrl != null) {
      s.append(", tokenUrl=").append(tokenUrl);
    }
    if (scope != null) {
      s.append(", scope=").append(scope);
    }
    return s.append(", clientSecretInBody=").append(clientSecretInBody)
        .append(", refreshMargin=").append(refreshMargin)
        .append(", bound=").append(cache != null).append('}').toString();
  }

  private Builder toBuilder() {
    Builder b = new Builder(grant);
    b.clientId = clientId;
    b.clientSecret = clientSecret;
    b.username = username;
    b.password = password;
    b.tokenUrl = tokenUrl;
    b.clientSecretInBody = clientSecretInBody;
    b.scope = scope;
    b.refreshMargin = refreshMargin;
    b.clock = clock;
    return b;
  }

  /** Checks what can be checked without a base URL: the form of the URL. */
  static String checkTokenUrlSyntax(String url) {
    Credentials.requireHeaderSafe(url, "tokenUrl");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("tokenUrl is not a valid URL: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("tokenUrl must not hold user info; pass credentials to the builder");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("tokenUrl must not have a fragment");
    }
    if (uri.isAbsolute()) {
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalArgumentException("tokenUrl must be http or https, not " + scheme);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("tokenUrl has no host");
      }
    } else if (uri.getRawAuthority() != null) {
      throw new IllegalArgumentException("tokenUrl must be absolute or a path, not scheme-relative");
    }
    return url;
  }

  /**
   * Options for an OAuth2 grant. Every setter checks its value at once, so that a bad value is
   * reported where it was set.
   */
  public static final class Builder {
    private final String grant;
    private String clientId;
    private String clientSecret;
    private String username;
    private String password;
    private String tokenUrl;
    private boolean clientSecretInBody;
    private String scope;
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Clock clock;

    private Builder(String grant) {
      this.grant = grant;
    }

    /**
     * The token endpoint. A relative URL (a path such as {@code /api/partners/v2.0/auth/token})
     * is appended to the client's base URL, keeping any path the base URL has. Default: the
     * vendor's token URL from its spec, supplied by the vendor's client.
     *
     * @param tokenUrl an absolute http(s) URL or a path
     * @return this builder
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = checkTokenUrlSyntax(tokenUrl);
      return this;
    }

    /**
     * The client id; required for client credentials (given to {@code clientCredentials}),
     * optional for the password grant.
     *
     * @param clientId the OAuth2 client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Credentials.requireHeaderSafe(clientId, "clientId");
      return this;
    }

    /**
     * The client secret; required for client credentials, optional for the password grant.
     *
     * @param clientSecret the OAuth2 client secret
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Credentials.requireHeaderSafe(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Where the client id and secret go. Default false: HTTP Basic, which RFC 6749 section 2.3.1
     * requires servers to support; true puts {@code client_id} and {@code client_secret} in the
     * form body instead.
     *
     * @param inBody true to send the secret in the body
     * @return this builder
     */
    public Builder clientSecretInBody(boolean inBody) {
      this.clientSecretInBody = inBody;
      return this;
    }

    /**
     * The {@code scope} parameter; default none (Podero's spec declares no scopes).
     *
     * @param scope space-separated scopes, or null for none
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = scope == null ? null : Credentials.requireHeaderSafe(scope, "scope");
      return this;
    }

    /**
     * How long before {@code expires_in} runs out a token is replaced. Default 30 s; never more
     * than half the token's lifetime.
     *
     * @param margin zero or more
     * @return this builder
     */
    public Builder refreshMargin(Duration margin) {
      Objects.requireNonNull(margin, "refreshMargin is null");
      if (margin.isNegative()) {
        throw new IllegalArgumentException("refreshMargin is negative: " + margin);
      }
      this.refreshMargin = margin;
      return this;
    }

    /**
     * The clock that judges token expiry. Default the clock of the client's time source (the
     * system UTC clock unless a test set another).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock is null");
      return this;
    }

    /**
     * {@return the credentials, not yet bound to a client}
     *
     * @throws IllegalArgumentException if a client secret is set without a client id
     */
    public OAuth2Credentials build() {
      if (clientSecret != null && clientId == null) {
        throw new IllegalArgumentException("clientSecret is set but clientId is not");
      }
      return new OAuth2Credentials(this, tokenUrl, null);
    }

    @Override
    public String toString() {
      return "OAuth2Credentials.Builder{grant=" + grant + ", secrets=***}";
    }
  }
}
