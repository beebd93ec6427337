package dev.saasusers.testing;

import java.time.Instant;

/**
 * One fault a fake vendor injected.
 *
 * @param at             when the faulted request arrived
 * @param method         the request's HTTP method
 * @param url            the request's path and query, as sent
 * @param fault          the fault injected
 * @param retryNotBefore for a 429, the earliest instant its {@code Retry-After} allows a retry (for an HTTP-date,
 *                       the date sent); for other faults, equal to {@code at}
 */
public record InjectedFault(Instant at, String method, String url, FakeFault fault, Instant retryNotBefore) {
}
