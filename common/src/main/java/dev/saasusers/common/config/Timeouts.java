package dev.saasusers.common.config;

import java.time.Duration;

/**
 * How long a client waits: to connect, for each read of a response, and for one whole attempt.
 * Checked once, here.
 *
 * @param connect how long a TCP/TLS connect may take
 * @param read how long each read of a response may wait
 * @param attempt the deadline of one attempt, connect to last byte: a server that answers one
 *     byte at a time cannot hold a call longer
 */
public record Timeouts(Duration connect, Duration read, Duration attempt) {
  /** The defaults: connect 10 s, read 60 s, attempt 60 s. */
  public static final Timeouts DEFAULT =
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60));

  /**
   * Checks the timeouts.
   *
   * @param connect positive
   * @param read positive
   * @param attempt positive
   * @throws IllegalArgumentException naming the builder option that is not positive
   */
  public Timeouts {
    positive("connectTimeout", connect);
    positive("readTimeout", read);
    positive("timeout", attempt);
  }

  private static void positive(String option, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(option + " must be positive: " + d);
    }
  }
}
