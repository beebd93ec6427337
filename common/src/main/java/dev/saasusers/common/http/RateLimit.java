package dev.saasusers.common.http;

import java.util.OptionalLong;

/**
 * A vendor's rate-limit headers ({@code X-RateLimit-*} or the IETF {@code RateLimit-*}), as
 * sent; a value the response did not carry, or that is not a whole number, is empty.
 *
 * @param limit requests allowed in the window
 * @param remaining requests left in the window
 * @param reset when the window resets, as the vendor gives it (seconds from now, or an epoch
 *     second, depending on the vendor)
 */
public record RateLimit(OptionalLong limit, OptionalLong remaining, OptionalLong reset) {
}
