package dev.saasusers.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes request bodies: text and bytes as they are, anything else as JSON with the client's mapper. */
final class JsonBodyEncoder implements Encoder {
  private final ObjectMapper mapper;
  private final Encoder plain = new Encoder.Default();

  JsonBodyEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    if (object == null || object instanceof String || object instanceof byte[]) {
      plain.encode(object, bodyType, template);
      return;
    }
    try {
      if (!template.headers().containsKey("Content-Type")) {
        template.header("Content-Type", "application/json");
      }
      template.body(mapper.writerFor(mapper.constructType(bodyType)).writeValueAsBytes(object),
          StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new EncodeException("could not write the request body as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
