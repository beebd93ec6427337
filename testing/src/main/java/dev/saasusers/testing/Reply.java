package dev.saasusers.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response a fake computes before WireMock renders it: easy to cut or delay. */
record Reply(int status, Map<String, String> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    static Reply json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply json(int status, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new Reply(status, headers, body);
    }

    static Reply json(int status, JsonNode body) {
        try {
            return json(status, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a fake response", e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String serialise(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a fake user", e);
        }
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body);
    }

    /** The same response with the first half of its body only. */
    Reply truncated() {
        return new Reply(status, headers, Arrays.copyOf(body, body.length / 2));
    }
}
