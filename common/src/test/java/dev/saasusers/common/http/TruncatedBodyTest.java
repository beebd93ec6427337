package dev.saasusers.common.http;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which broken bodies count as cut off (retried like a reset) and which are simply wrong. */
class TruncatedBodyTest {
  private static final ObjectMapper MAPPER = JsonMapper.standard();

  private static boolean endedEarly(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    JacksonException e = assertThrows(JacksonException.class,
        () -> MAPPER.readValue(bytes, TestApi.Item.class));
    return BoundedJsonDecoder.endedEarly(e, bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\":1,\"name\":\"al", "{\"id\":1,\"name\":", "{\"id\":1,\"ok\":fa",
      "{\"id\":1,\"ok\":tr", "{\"id\":1,\"name\":nu", "{\"id\":12", "{\"id\":1,\"name\":\"x\""})
  void bodiesCutOffAnywhereAreTruncated(String body) {
    assertTrue(endedEarly(body), body);
  }

  @org.junit.jupiter.api.Test
  void bodyCutInsideAMultiByteCharacterIsTruncated() {
    byte[] whole = "{\"id\":1,\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3); // ends after ë's first byte
    JacksonException e = assertThrows(JacksonException.class,
        () -> MAPPER.readValue(cut, TestApi.Item.class));
    assertTrue(BoundedJsonDecoder.endedEarly(e, cut), e.getOriginalMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html><body>Bad gateway</body></html>", "{\"id\":1,\"name\":fals}",
      "{\"id\":1 \"name\":\"x\"}", "not json at all, but long enough to not end at the error"})
  void wrongBodiesAreNotTruncated(String body) {
    assertFalse(endedEarly(body), body);
  }
}
