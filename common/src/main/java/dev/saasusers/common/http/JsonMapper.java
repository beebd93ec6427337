package dev.saasusers.common.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The Jackson configuration every vendor client uses: tolerant of fields and enum values that a
 * vendor adds later, with {@code java.time} support and ISO-8601 dates.
 */
public final class JsonMapper {
  private JsonMapper() {
  }

  /**
   * {@return a new mapper: unknown properties ignored, unknown enum values read as the enum's
   *     default, JavaTimeModule and JsonNullableModule registered, dates written as text; Blackbird
   *     registered because it decodes a page of users about 12% faster (docs/BENCHMARKS.md)}
   */
  public static ObjectMapper standard() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerModule(new JavaTimeModule());
    mapper.registerModule(new JsonNullableModule());
    mapper.registerModule(new BlackbirdModule());
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
    mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    return mapper;
  }
}
