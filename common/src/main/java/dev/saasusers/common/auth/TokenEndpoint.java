package dev.saasusers.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.http.ApiException;
import dev.saasusers.common.http.ApiIoException;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.RawExchange;
import dev.saasusers.common.http.RawResponse;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.http.SecretRegistry;
import feign.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the token request (RFC 6749 sections 4.3.2 and 4.4.2) through the client's pipeline
 * ({@link RawExchange}: transport, deadline, events, retries) and turns the answer into a token
 * or a clear exception.
 */
final class TokenEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger("dev.saasusers.auth");
  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final int MAX_ERROR_TEXT = 200;
  /** The operation named in messages: "Podero token request failed: HTTP 503 ...". */
  private static final String OPERATION = "token request";

  private final OAuth2Credentials credentials;
  private final URI url;
  private final String path;
  private final String vendor;
  private final RawExchange exchange;
  private final SecretRegistry secrets;
  private final ObjectMapper mapper;
  private final ClientListener listener;

  TokenEndpoint(OAuth2Credentials credentials, AuthContext context) {
    this.credentials = credentials;
    this.url = resolve(credentials.tokenUrl, context.baseUrl());
    this.path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    this.vendor = context.vendor();
    if (context.exchange() == null) {
      throw new IllegalArgumentException("AuthContext has no exchange for token requests");
    }
    this.exchange = context.exchange();
    this.secrets = context.secrets() != null ? context.secrets() : SecretRegistry.create();
    this.mapper = context.mapper() != null ? context.mapper() : new ObjectMapper();
    this.listener = context.listener() != null ? context.listener() : new ClientListener() { };
  }

  /**
   * Appends a relative token URL to the base URL the way API paths are, so that a base URL with a
   * path (a gateway prefix, a test server) keeps it.
   */
  static URI resolve(String tokenUrl, URI baseUrl) {
    URI parsed = URI.create(tokenUrl);
    URI resolved;
    if (parsed.isAbsolute()) {
      resolved = parsed;
    } else {
      if (baseUrl == null) {
        throw new IllegalArgumentException(
            "relative token URL " + tokenUrl + " needs a base URL: set the client's base URL or "
                + "pass an absolute tokenUrl");
      }
      String base = baseUrl.toString();
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      resolved = URI.create(base + (tokenUrl.startsWith("/") ? "" : "/") + tokenUrl);
    }
    boolean plainHttp = "http".equalsIgnoreCase(resolved.getScheme());
    boolean clientAllowsHttp = baseUrl != null && "http".equalsIgnoreCase(baseUrl.getScheme());
    // A plain-http base URL has passed the client's own insecure check; otherwise only loopback.
    if (plainHttp && !clientAllowsHttp && !isLoopback(resolved.getHost())) {
      throw new IllegalArgumentException(
          "token URL http://" + resolved.getHost() + resolved.getRawPath()
              + " is plain http: credentials would travel unencrypted; use https");
    }
    return resolved;
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: a name is not looked up here.
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  TokenCache.AccessToken fetch(boolean refresh) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", credentials.grant);
    if (OAuth2Credentials.PASSWORD.equals(credentials.grant)) {
      form.put("username", credentials.username);
      form.put("password", credentials.password);
    }
    if (credentials.scope != null) {
      form.put("scope", credentials.scope);
    }
    boolean basic = credentials.clientSecret != null && !credentials.clientSecretInBody;
    if (credentials.clientId != null && !basic) {
      // Secret in the body by option, or a public client (RFC 6749 section 3.2.1) without one.
      form.put("client_id", credentials.clientId);
      if (credentials.clientSecret != null) {
        form.put("client_secret", credentials.clientSecret);
      }
    }
    String body = formEncode(form);
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);

    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=UTF-8"));
    headers.put("Accept", List.of("application/json"));
    headers.put("Content-Length", List.of(Integer.toString(bodyBytes.length)));
    if (basic) {
      // RFC 6749 section 2.3.1: id and secret are form-encoded before the Basic encoding.
      String pair = formEncode(credentials.clientId) + ":" + formEncode(credentials.clientSecret);
      String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      secrets.register(encoded);
      headers.put("Authorization", List.of("Basic " + encoded));
    }
    Request request = Request.create(
        Request.HttpMethod.POST, url.toString(), headers, bodyBytes, StandardCharsets.UTF_8, null);

    if (LOG.isTraceEnabled()) {
      LOG.trace("{}OAuth2 token request POST {} body: {}", prefix(), path,
          secrets.scrub(TokenBodyRedactor.redact(body)));
    }
    RawResponse<byte[]> response;
    try {
      response = exchange.send(OPERATION, request, MAX_BODY_BYTES);
    } catch (ApiException e) { // a retried status (408, 429, 5xx) that stayed after the retries
      logAnswer(e.statusCode(), e.unscrubbedBody());
      throw failure(e);
    } catch (ApiIoException e) {
      LOG.debug("{}OAuth2 token request POST {} failed: {}", prefix(), path,
          e.getCause() == null ? "I/O error" : e.getCause().getClass().getSimpleName());
      // As the loop typed it: it carries the attempts, so the call that needed the token does
      // not retry it again.
      throw e;
    }
    byte[] responseBody = response.data();
    int status = response.statusCode();
    logAnswer(status, new String(responseBody, StandardCharsets.UTF_8));
    if (status < 200 || status > 299) {
      throw failure(exchange.failure(OPERATION, request, response));
    }
    TokenCache.AccessToken token = parse(responseBody);
    listener.onTokenFetched(new ClientListener.TokenFetched(
        vendor != null ? vendor : "oauth2", credentials.grant, token.expiresIn(), refresh));
    return token;
  }

  private TokenCache.AccessToken parse(byte[] body) {
    JsonNode json = readJson(body);
    if (json == null || !json.isObject()) {
      throw new SdkException(prefix() + "OAuth2 token response from " + path + " is not a JSON object");
    }
    JsonNode accessToken = json.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
      throw new SdkException(
          prefix() + "OAuth2 token response from " + path + " has no access_token");
    }
    String value = accessToken.asText();
    secrets.register(value); // an issued token is a secret from the moment it arrives
    JsonNode refreshToken = json.get("refresh_token");
    if (refreshToken != null && refreshToken.isTextual()) {
      secrets.register(refreshToken.asText());
    }
    try {
      Credentials.requireNoControlCharacters(value, "access_token");
    } catch (IllegalArgumentException e) {
      throw new SdkException(prefix() + "OAuth2 token response from " + path + ": "
          + e.getMessage() + ", so it cannot be sent in a header");
    }
    return new TokenCache.AccessToken(value, expiresIn(json.get("expires_in")));
  }

  /**
   * {@code expires_in} is a number of seconds; some servers send it as a string. Read as a
   * double and clamped to zero to {@link TokenCache#MAX_LIFETIME}, so 10^18 or 1e400 is a day,
   * not an overflow.
   */
  private static Duration expiresIn(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    double seconds;
    if (node.isNumber()) {
      seconds = node.asDouble();
    } else if (node.isTextual() && node.asText().trim().matches("\\d{1,40}")) {
      seconds = Double.parseDouble(node.asText().trim());
    } else {
      return null;
    }
    if (!(seconds > 0)) {
      return Duration.ZERO;
    }
    return seconds >= TokenCache.MAX_LIFETIME.getSeconds() ? TokenCache.MAX_LIFETIME
        : Duration.ofSeconds((long) seconds);
  }

  private void logAnswer(int status, String text) {
    LOG.debug("{}OAuth2 token request POST {} -> {}", prefix(), path, status);
    if (LOG.isTraceEnabled()) {
      LOG.trace("{}OAuth2 token response {} body: {}", prefix(), status,
          secrets.scrub(TokenBodyRedactor.redact(text)));
    }
  }

  /**
   * A refusal of the credentials (400, 401, 403) becomes an {@link AuthenticationException}
   * that names the OAuth error; any other status keeps the typed exception it came as.
   */
  private ApiException failure(ApiException answer) {
    int status = answer.statusCode();
    if (status != 400 && status != 401 && status != 403) {
      return answer;
    }
    JsonNode json = readJson(answer.unscrubbedBody().getBytes(StandardCharsets.UTF_8));
    String error = json != null ? text(json.get("error")) : null;
    String description = json != null ? text(json.get("error_description")) : null;
    StringBuilder message = new StringBuilder(prefix())
        .append("OAuth2 token request to ").append(path)
        .append(" was refused with HTTP ").append(status);
    if (error != null) {
      message.append(": ").append(error);
      if (description != null) {
        message.append(" (").append(description).append(')');
      }
    } else if (description != null) {
      message.append(": ").append(description);
    } else if (status == 401) {
      message.append(" (no OAuth error in the response; check ").append(
          OAuth2Credentials.PASSWORD.equals(credentials.grant)
              ? "username and password" : "clientId and clientSecret").append(')');
    }
    return new AuthenticationException(message.toString(), answer, error);
  }

  /** Bounded, single-line, and with any echoed secret masked: it goes into a message. */
  private String text(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      return null;
    }
    String s = secrets.scrub(node.asText()).replaceAll("\\p{Cntrl}", " ").strip();
    return s.length() > MAX_ERROR_TEXT ? s.substring(0, MAX_ERROR_TEXT) + "..." : s;
  }

  private JsonNode readJson(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private String prefix() {
    return vendor != null ? vendor + ": " : "";
  }

  private static String formEncode(Map<String, String> form) {
    List<String> pairs = new ArrayList<>(form.size());
    form.forEach((name, value) -> pairs.add(formEncode(name) + "=" + formEncode(value)));
    return String.join("&", pairs);
  }

  private static String formEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "TokenEndpoint{" + credentials.grant + " " + path + "}";
  }
}
