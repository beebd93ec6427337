package dev.saasusers.common.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.HttpPipeline;
import dev.saasusers.common.http.RawExchange;
import dev.saasusers.common.http.RetrySettings;
import dev.saasusers.common.http.SecretRegistry;
import dev.saasusers.common.http.TimeSource;
import dev.saasusers.common.http.VendorProfile;
import feign.Client;
import feign.Request;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What a client hands its authenticator when it is built.
 *
 * @param baseUrl the vendor API's base URL, against which a relative token URL is resolved
 * @param exchange sends token requests through the client's pipeline (transport, deadline,
 *     events, redacted logging, retries)
 * @param mapper the client's JSON mapper
 * @param listener receives token events
 * @param vendor the vendor id, for example {@code podero}, named in token errors and events; may
 *     be null
 * @param time the client's time source; token expiry is judged on its clock
 * @param secrets where the authenticator registers every secret it holds or is issued, so that
 *     the client scrubs them from vendor text (messages, logs, events)
 */
public record AuthContext(
    URI baseUrl, RawExchange exchange, ObjectMapper mapper, ClientListener listener,
    String vendor, TimeSource time, SecretRegistry secrets) {

  /**
   * A context outside a client, for an authenticator used on its own: token requests go
   * through a pipeline over {@code transport} that does not retry.
   *
   * @param baseUrl the vendor API's base URL, against which a relative token URL is resolved
   * @param transport the HTTP transport for token requests
   * @param timeouts connect and read timeouts
   * @param mapper the JSON mapper
   * @param listener receives token events, or null
   * @param vendor the vendor id named in token errors and events, or null
   */
  public AuthContext(
      URI baseUrl, Client transport, Request.Options timeouts, ObjectMapper mapper,
      ClientListener listener, String vendor) {
    this(baseUrl, transport, timeouts, mapper, listener, vendor, SecretRegistry.create());
  }

  private AuthContext(URI baseUrl, Client transport, Request.Options timeouts, ObjectMapper mapper,
      ClientListener listener, String vendor, SecretRegistry secrets) {
    this(baseUrl, standalone(baseUrl, transport, timeouts, mapper, listener, vendor, secrets),
        mapper, listener, vendor, TimeSource.system(), secrets);
  }

  /**
   * A context without a vendor id, outside a client.
   *
   * @param baseUrl the vendor API's base URL, against which a relative token URL is resolved
   * @param transport the HTTP transport for token requests
   * @param timeouts connect and read timeouts
   * @param mapper the JSON mapper
   * @param listener receives token events, or null
   */
  public AuthContext(
      URI baseUrl, Client transport, Request.Options timeouts, ObjectMapper mapper,
      ClientListener listener) {
    this(baseUrl, transport, timeouts, mapper, listener, null);
  }

  private static RawExchange standalone(URI baseUrl, Client transport, Request.Options timeouts,
      ObjectMapper mapper, ClientListener listener, String vendor, SecretRegistry secrets) {
    if (transport == null) {
      throw new IllegalArgumentException("AuthContext has no transport for token requests");
    }
    String id = vendor == null ? "oauth2" : vendor;
    Request.Options t = timeouts != null ? timeouts : new Request.Options();
    return HttpPipeline.create(new HttpPipeline.Settings(VendorProfile.of(id, id),
        baseUrl == null ? URI.create("http://localhost") : baseUrl, transport, t,
        Duration.ofMillis(Math.max(1, t.connectTimeoutMillis() + (long) t.readTimeoutMillis())),
        RetrySettings.none(), TimeSource.system(), "saasusers", Map.of(), 0, 64 * 1024,
        listener != null ? listener : new ClientListener() { },
        mapper != null ? mapper : new ObjectMapper(), secrets)).exchange();
  }
}
