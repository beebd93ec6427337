package dev.saasusers.common.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a successful response's whole body, at most {@code maxResponseBytes}, then maps it with
 * Jackson. A body that breaks off (I/O error while reading, or JSON that ends early) is thrown as
 * an {@link ApiIoException}, which the retry loop treats like a reset. A body that is empty
 * (other than on a 204), or a JSON object without a property the spec requires (the generator
 * marks those {@code @JsonProperty(required = true)}; Jackson itself checks them only on
 * creators), is an {@link IncompleteResponseException}, retried the same way. Any other failure
 * is an {@link ApiDecodeException}. Return types that extend {@link RawResponse} get the status
 * and headers along with the decoded body.
 */
final class BoundedJsonDecoder implements Decoder {
  private static final Map<Class<?>, Constructor<?>> RAW_CONSTRUCTORS = new ConcurrentHashMap<>();
  /** The JSON names of each model type's required properties; most types have none. */
  private final Map<Type, List<RequiredProperty>> requiredProperties = new ConcurrentHashMap<>();
  /** A reader per type holds its root deserializer: no lookup in the mapper's caches per body. */
  private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

  private final VendorProfile vendor;
  private final ObjectMapper mapper;
  private final long maxResponseBytes;
  private final SecretRegistry secrets;

  BoundedJsonDecoder(VendorProfile vendor, ObjectMapper mapper, long maxResponseBytes,
      SecretRegistry secrets) {
    this.vendor = vendor;
    this.mapper = mapper;
    this.maxResponseBytes = maxResponseBytes;
    this.secrets = secrets;
  }

  @Override
  public Object decode(Response response, Type type) {
    Class<?> raw = rawType(type);
    if (RawResponse.class.isAssignableFrom(raw)) {
      Type inner = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      Object data = decodeBody(response, inner);
      try {
        return constructorOf(raw).newInstance(response.status(), response.headers(), data);
      } catch (ReflectiveOperationException e) {
        throw new ApiDecodeException(prefix(response) + "cannot build " + raw.getName()
            + " (needs a public (int, Map, Object) constructor)", "", e);
      }
    }
    return decodeBody(response, type);
  }

  private Object decodeBody(Response response, Type type) {
    Class<?> raw = rawType(type);
    if (raw == Void.class || raw == void.class) {
      return null;
    }
    byte[] bytes = response.status() == 204 || response.body() == null
        ? new byte[0] : readBody(response);
    LoggingListener.traceBody(vendor.id(), "response " + response.status(),
        ObservedTransport.contentType(response.headers()), bytes, secrets);
    if (raw == byte[].class) {
      return bytes;
    }
    if (raw == String.class) {
      return new String(bytes, charsetOf(response));
    }
    if (isBlank(bytes)) {
      if (response.status() == 204) {
        return null; // no content, as the status says
      }
      throw incomplete(response, "body", "response has an empty body (expected "
          + raw.getSimpleName() + ")");
    }
    Object value;
    try {
      value = readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t))).readValue(bytes);
    } catch (JacksonException e) {
      if (endedEarly(e, bytes)) {
        throw cutOff(response, "response body ended early (truncated JSON)", e);
      }
      throw new ApiDecodeException(prefix(response) + "could not decode the HTTP "
          + response.status() + " response as " + type.getTypeName() + ": "
          + secrets.scrub(e.getOriginalMessage().replaceAll("[\\r\\n]+", " ")),
          secrets.scrub(new String(bytes, 0,
              Math.min(bytes.length, ApiDecodeException.MAX_SNIPPET_CHARS), StandardCharsets.UTF_8)),
          e);
    } catch (IOException e) {
      throw cutOff(response, CallHandler.describe(e), e);
    }
    // Checked on the decoded object first: only a required property that decoded to null or to
    // an empty container (the generator starts required lists empty) costs a second look at the
    // bytes, which tells absent from an explicit null or []. A full page never pays it.
    List<RequiredProperty> required = requiredProperties.computeIfAbsent(type, this::requiredOf);
    if (!required.isEmpty() && anyUnset(required, value)) {
      List<String> missing = missingRequired(bytes, required);
      if (!missing.isEmpty()) {
        throw incomplete(response, String.join(", ", missing),
            "response lacks required field(s) " + String.join(", ", missing));
      }
    }
    return value;
  }

  /** A property the spec requires, and how to read it off the decoded object. */
  private record RequiredProperty(String name, AnnotatedMember accessor) {
    /** A primitive cannot show absence, so it always takes the second look. */
    boolean unsetIn(Object bean) {
      if (accessor == null || accessor.getRawType().isPrimitive()) {
        return true;
      }
      Object value;
      try {
        value = accessor.getValue(bean);
      } catch (RuntimeException e) {
        return true;
      }
      return value == null || (value instanceof Collection<?> c && c.isEmpty())
          || (value instanceof Map<?, ?> m && m.isEmpty());
    }
  }

  private static boolean anyUnset(List<RequiredProperty> required, Object value) {
    if (value == null) {
      return true;
    }
    for (RequiredProperty property : required) {
      if (property.unsetIn(value)) {
        return true;
      }
    }
    return false;
  }

  private byte[] readBody(Response response) {
    Integer declared = response.body().length();
    if (declared != null && declared > maxResponseBytes) {
      throw tooLarge(response, declared);
    }
    // A declared length is read into one array of that size; otherwise read up to the limit.
    boolean sized = declared != null && declared >= 0;
    byte[] bytes;
    try (InputStream in = response.body().asInputStream()) {
      bytes = sized ? readDeclared(in, declared)
          : in.readNBytes((int) Math.min(maxResponseBytes + 1, Integer.MAX_VALUE - 16));
    } catch (IOException e) {
      throw cutOff(response, "response body cut off: " + CallHandler.describe(e), e);
    }
    if (bytes.length > maxResponseBytes) {
      throw tooLarge(response, bytes.length);
    }
    return bytes;
  }

  /** Reads exactly {@code length} bytes; fewer means the body was cut off. */
  private static byte[] readDeclared(InputStream in, int length) throws IOException {
    byte[] bytes = new byte[length];
    int read = in.readNBytes(bytes, 0, length);
    if (read < length) {
      throw new java.io.EOFException("response body ended after " + read + " of " + length + " bytes");
    }
    return bytes;
  }

  private ApiDecodeException tooLarge(Response response, long size) {
    return new ApiDecodeException(prefix(response) + "HTTP " + response.status() + " response body of " + size
        + (size > maxResponseBytes && size == (int) Math.min(maxResponseBytes + 1, Integer.MAX_VALUE - 16)
            ? "+" : "")
        + " bytes is over maxResponseBytes (" + maxResponseBytes + ")", "", null);
  }

  /**
   * A body cut off inside a literal ({@code ...,"active": fa}) fails as an unrecognized token,
   * not as end-of-input: what gives it away is that the failing token is the start of
   * {@code true}, {@code false} or {@code null} and runs to the end of the bytes.
   */
  static boolean endedEarly(JacksonException e, byte[] bytes) {
    String message = e.getOriginalMessage();
    if (e instanceof JsonEOFException || (message != null && message.contains("end-of-input"))) {
      return true;
    }
    JsonLocation at = e.getLocation();
    long offset = at == null ? -1 : at.getByteOffset();
    if (offset < 0 || offset >= bytes.length) {
      return false;
    }
    String rest = new String(bytes, (int) offset, bytes.length - (int) offset,
        StandardCharsets.UTF_8).strip();
    return !rest.isEmpty() && rest.length() < 5
        && ("true".startsWith(rest) || "false".startsWith(rest) || "null".startsWith(rest));
  }

  private IncompleteResponseException incomplete(Response response, String missing, String what) {
    return new IncompleteResponseException(prefix(response) + "HTTP " + response.status() + " "
        + what, response.status(), missing);
  }

  /**
   * The required properties of {@code type} that the top-level JSON object lacks. Only a quick
   * scan of the top level; anything that is not a well-formed object is left to the real decode,
   * which names the problem.
   */
  private List<String> missingRequired(byte[] bytes, List<RequiredProperty> required) {
    java.util.Set<String> present = new java.util.HashSet<>();
    try (com.fasterxml.jackson.core.JsonParser parser = mapper.getFactory().createParser(bytes)) {
      if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return List.of();
      }
      while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        present.add(parser.currentName());
        parser.nextToken();
        parser.skipChildren();
      }
    } catch (IOException e) {
      return List.of();
    }
    List<String> missing = new java.util.ArrayList<>();
    for (RequiredProperty property : required) {
      if (!present.contains(property.name())) {
        missing.add(property.name());
      }
    }
    return missing;
  }

  private List<RequiredProperty> requiredOf(Type type) {
    Class<?> raw = rawType(type);
    if (raw.isPrimitive() || raw.isArray() || raw.isEnum() || raw.getName().startsWith("java.")
        || Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
      return List.of();
    }
    List<RequiredProperty> required = new java.util.ArrayList<>();
    mapper.getDeserializationConfig().introspect(mapper.constructType(type)).findProperties()
        .forEach(p -> {
          if (p.isRequired()) {
            AnnotatedMember accessor = p.getAccessor();
            if (accessor != null) {
              accessor.fixAccess(true);
            }
            required.add(new RequiredProperty(p.getName(), accessor));
          }
        });
    return List.copyOf(required);
  }

  private ApiIoException cutOff(Response response, String what, Exception cause) {
    Request request = response.request();
    return new ApiIoException(prefix(response) + what, cause,
        request == null ? null : request.httpMethod().name(), false);
  }

  private String prefix(Response response) {
    String configKey = response.request() != null && response.request().requestTemplate() != null
        && response.request().requestTemplate().methodMetadata() != null
        ? response.request().requestTemplate().methodMetadata().configKey() : null;
    return vendor.displayName() + " " + CallHandler.operationFromConfigKey(configKey) + " failed: ";
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static Charset charsetOf(Response response) {
    Charset charset = response.charset();
    return charset == null ? StandardCharsets.UTF_8 : charset;
  }

  private static Constructor<?> constructorOf(Class<?> raw) {
    return RAW_CONSTRUCTORS.computeIfAbsent(raw, c -> {
      try {
        return c.getConstructor(int.class, Map.class, Object.class);
      } catch (NoSuchMethodException e) {
        throw new ApiDecodeException(c.getName()
            + " needs a public (int, Map<String, Collection<String>>, T) constructor", "", e);
      }
    });
  }

  static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType g) {
      return java.lang.reflect.Array.newInstance(rawType(g.getGenericComponentType()), 0).getClass();
    }
    if (type instanceof WildcardType w) {
      return rawType(w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?>) {
      return Object.class;
    }
    return Object.class;
  }
}
