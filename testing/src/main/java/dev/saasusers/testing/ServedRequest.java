package dev.saasusers.testing;

import java.time.Instant;
import java.util.Optional;

/**
 * One request a fake vendor received, in arrival order.
 *
 * @param receivedAt when the request arrived
 * @param method     the HTTP method
 * @param url        the path and query, as sent
 * @param fault      the fault injected into this request, if any
 */
public record ServedRequest(Instant receivedAt, String method, String url, Optional<FakeFault> fault) {
}
