package dev.saasusers.common.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.http.RawResponse;
import dev.saasusers.common.http.SdkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest real HTTP client a test fetcher needs (the HTTP core is built elsewhere): JDK
 * HttpClient plus Jackson, no retries, an {@link SdkException} for any status >= 400.
 */
final class LoopbackApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final String baseUrl;

  LoopbackApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  RawResponse<JsonNode> get(String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SdkException("interrupted", e);
    }
    if (response.statusCode() >= 400) {
      throw new StatusException(response.statusCode(), pathAndQuery,
          response.headers().firstValue("Retry-After").orElse(null));
    }
    Map<String, Collection<String>> headers = new HashMap<>(response.headers().map());
    try {
      return new RawResponse<>(response.statusCode(), headers, MAPPER.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ids of the objects in a body's array field; a missing or null array is null. */
  static List<String> ids(JsonNode body, String field) {
    JsonNode array = body.get(field);
    if (array == null || array.isNull()) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    array.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /** A failed HTTP status, as the HTTP core would report it. */
  static final class StatusException extends SdkException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String retryAfter;

    StatusException(int status, String path, String retryAfter) {
      super("HTTP " + status + " for GET " + path);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }
}
