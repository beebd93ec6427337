package dev.saasusers.common.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.http.ClientListener;
import feign.Client;
import feign.Request;
import java.net.URI;

/**
 * What a client hands its authenticator when it is built.
 *
 * @param baseUrl the vendor API's base URL, against which a relative token URL is resolved
 * @param transport the client's HTTP transport, used for token requests too
 * @param timeouts the client's connect and read timeouts
 * @param mapper the client's JSON mapper
 * @param listener receives token events
 * @param vendor the vendor id, for example {@code podero}, named in token errors and events; may
 *     be null
 */
public record AuthContext(
    URI baseUrl, Client transport, Request.Options timeouts, ObjectMapper mapper,
    ClientListener listener, String vendor) {

  /**
   * A context without a vendor id.
   *
   * @param baseUrl the vendor API's base URL, against which a relative token URL is resolved
   * @param transport the client's HTTP transport, used for token requests too
   * @param timeouts the client's connect and read timeouts
   * @param mapper the client's JSON mapper
   * @param listener receives token events
   */
  public AuthContext(
      URI baseUrl, Client transport, Request.Options timeouts, ObjectMapper mapper,
      ClientListener listener) {
    this(baseUrl, transport, timeouts, mapper, listener, null);
  }
}
