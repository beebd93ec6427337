package dev.saasusers.cli;

import dev.saasusers.common.http.ClientListener;
import java.time.Duration;

/**
 * What {@code list} was asked for, beyond the vendor. Null means "the vendor's default".
 */
record ListSettings(
    String orgId, String baseUrl, Integer pageSize, String search, Boolean includeDeleted,
    Boolean showRemoved, Integer parallel, Integer maxRetries, Duration timeout,
    ClientListener listener, boolean verify) {
}
