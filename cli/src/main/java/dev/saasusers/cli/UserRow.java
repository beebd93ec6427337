package dev.saasusers.cli;

import dev.saasusers.common.user.DirectoryUser;

/**
 * One listed user: the vendor's own model, for {@code jsonl}, and the cross-vendor view, for
 * {@code csv} and {@code table}.
 */
record UserRow(Object vendorModel, DirectoryUser user) {
}
