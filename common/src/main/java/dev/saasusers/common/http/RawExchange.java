package dev.saasusers.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sends a request that no generated interface describes, such as an OAuth2 token request,
 * through the same pipeline as API calls: the client's transport under the attempt deadline, its
 * events and redacted logging, and its {@link RetryLoop} (so a POST is retried only where the
 * server provably did not process it).
 *
 * <pre>{@code
 * RawResponse<byte[]> answer = exchange.send("token request", request, 64 * 1024);
 * }</pre>
 */
public final class RawExchange {
  private static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private final VendorProfile vendor;
  private final Client transport;
  private final RetryLoop loop;
  private final ObjectMapper mapper;
  private final SecretRegistry secrets;

  RawExchange(VendorProfile vendor, Client observedTransport, RetryLoop loop, ObjectMapper mapper,
      SecretRegistry secrets) {
    this.vendor = vendor;
    this.transport = observedTransport;
    this.loop = loop;
    this.mapper = mapper;
    this.secrets = secrets;
  }

  /** {@return the client's secrets, for scrubbing what the endpoint sent back} */
  public SecretRegistry secrets() {
    return secrets;
  }

  /**
   * Sends {@code request} with the client's retries.
   *
   * @param operation names the call in messages and events, for example {@code token}
   * @param request the request; its body must be repeatable (a byte array)
   * @param maxBodyBytes the most body bytes read
   * @return the answer, for any status the retry rule does not retry (2xx and most 4xx)
   * @throws ApiException when the last attempt was answered with a retried status (429, 5xx...)
   * @throws ApiIoException when the last attempt failed at the transport level
   */
  public RawResponse<byte[]> send(String operation, Request request, int maxBodyBytes) {
    return loop.run(operation, attempt -> once(operation, request, maxBodyBytes, attempt));
  }

  /**
   * The typed exception for an error answer that {@link #send} returned (a status the retry rule
   * does not retry, such as 400, 401 or 404): what the loop would have thrown for it, with the
   * client's secrets scrubbed from body, headers and vendor message.
   *
   * @param operation names the call in the message, as given to {@link #send}
   * @param request the request that was answered
   * @param response the answer
   * @return the exception for the answer's status, not thrown
   */
  public ApiException failure(String operation, Request request, RawResponse<byte[]> response) {
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(response.headers());
    byte[] body = response.data() == null ? new byte[0] : response.data();
    return ApiException.from(vendor, operation, request.httpMethod().name(), request.url(),
        response.statusCode(), headers, new String(body, StandardCharsets.UTF_8), mapper, secrets);
  }

  private RawResponse<byte[]> once(String operation, Request request, int maxBodyBytes,
      Attempt attempt) {
    try (Response response = transport.execute(request, attempt)) {
      if (RETRIED_STATUSES.contains(response.status())) {
        throw ApiException.from(vendor, operation, response, mapper, secrets);
      }
      byte[] body;
      if (response.body() == null) {
        body = new byte[0];
      } else {
        try (InputStream in = response.body().asInputStream()) {
          body = in.readNBytes(maxBodyBytes);
        }
      }
      return new RawResponse<>(response.status(), response.headers(), body);
    } catch (IOException e) {
      throw new ApiIoException(vendor.displayName() + " " + operation + " failed: "
          + secrets.scrub(CallHandler.describe(e)), e, request.httpMethod().name(),
          e instanceof ConnectException);
    }
  }

  @Override
  public String toString() {
    return "RawExchange{" + vendor.id() + "}";
  }
}
