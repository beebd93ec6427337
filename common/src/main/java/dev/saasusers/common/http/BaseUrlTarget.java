package dev.saasusers.common.http;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.util.Objects;

/**
 * Feign's {@link Target.HardCodedTarget} with the base URL joined once per request. The hard-coded
 * target builds the request's URL (with its whole query) only to see whether it is absolute,
 * parses the base URL again, and then builds the URL a second time; here the relative URL is
 * built once and the base, checked when the client was built, is put in front of it.
 *
 * @param <T> the Feign interface
 */
final class BaseUrlTarget<T> implements Target<T> {
  private final Class<T> type;
  private final String baseUrl;
  private final Target.HardCodedTarget<T> hardCoded;

  /**
   * Creates the target.
   *
   * @param type the Feign interface
   * @param baseUrl absolute, without query or fragment ({@code Endpoint} has checked that)
   */
  BaseUrlTarget(Class<T> type, String baseUrl) {
    this.type = Objects.requireNonNull(type, "type");
    this.hardCoded = new Target.HardCodedTarget<>(type, baseUrl);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public String name() {
    return hardCoded.name();
  }

  @Override
  public String url() {
    return hardCoded.url();
  }

  @Override
  public Request apply(RequestTemplate input) {
    String relative = input.url();
    if (!input.resolved() || !relative.startsWith("/")) {
      return hardCoded.apply(input); // absolute, or not resolved: Feign's own handling and errors
    }
    return Request.create(Request.HttpMethod.valueOf(input.method()), baseUrl + relative,
        input.headers(), input.requestBody(), input);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BaseUrlTarget<?> that && type == that.type && baseUrl.equals(that.baseUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, baseUrl);
  }

  @Override
  public String toString() {
    return "BaseUrlTarget{" + type.getSimpleName() + ", " + baseUrl + "}";
  }
}
