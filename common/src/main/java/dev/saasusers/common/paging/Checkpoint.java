package dev.saasusers.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a listing resumes: a page position plus how many of that page's items were already
 * delivered ({@code maxItems} can end a listing mid-page). {@code position == null} means the
 * listing is complete. String form: {@code vendor.strategy.v1.<base64url(position)>[.<skip>]}.
 */
record Checkpoint(PagePosition position, int skip) {
  private static final String VERSION = "v1";
  private static final String END = "$";

  static Checkpoint end() {
    return new Checkpoint(null, 0);
  }

  boolean isEnd() {
    return position == null;
  }

  String encode(String vendorId, String strategyId) {
    String body = position == null ? END : position.asString();
    String encoded = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(body.getBytes(StandardCharsets.UTF_8));
    String text = vendorId + "." + strategyId + "." + VERSION + "." + encoded;
    return skip > 0 ? text + "." + skip : text;
  }

  /** Reads a checkpoint, refusing one of another vendor or strategy, naming the problem. */
  static Checkpoint decode(String text, String vendorId, String strategyId) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("checkpoint is empty");
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4 && parts.length != 5) {
      throw new IllegalArgumentException(
          "not a checkpoint (expected vendor.strategy.version.position): '" + abbreviate(text)
              + "'");
    }
    if (!parts[0].equals(vendorId)) {
      throw new IllegalArgumentException(
          "checkpoint is for vendor '" + parts[0] + "', not '" + vendorId + "'");
    }
    if (!parts[1].equals(strategyId)) {
      throw new IllegalArgumentException("checkpoint is for paging strategy '" + parts[1]
          + "', not '" + strategyId + "' of vendor '" + vendorId + "'");
    }
    if (!parts[2].equals(VERSION)) {
      throw new IllegalArgumentException(
          "checkpoint version '" + parts[2] + "' is not supported (expected " + VERSION + ")");
    }
    String body;
    try {
      body = new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint position is not base64url: '"
          + abbreviate(parts[3]) + "'");
    }
    int skip = 0;
    if (parts.length == 5) {
      try {
        skip = Integer.parseInt(parts[4]);
      } catch (NumberFormatException e) {
        skip = -1;
      }
      if (skip <= 0) {
        throw new IllegalArgumentException(
            "checkpoint item offset must be a positive number: '" + abbreviate(parts[4]) + "'");
      }
    }
    if (body.equals(END)) {
      if (skip != 0) {
        throw new IllegalArgumentException("checkpoint marks the end but has an item offset");
      }
      return end();
    }
    PagePosition position;
    try {
      position = PagePosition.parse(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint holds no valid page position: "
          + e.getMessage());
    }
    return new Checkpoint(position, skip);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
