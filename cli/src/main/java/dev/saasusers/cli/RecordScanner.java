package dev.saasusers.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into records, each with the byte offset where it starts, so a record can
 * be read again later by seeking there. A record ends at a line feed; in CSV mode not inside a
 * quoted field (RFC 4180: quotes toggle, and an escaped {@code ""} toggles twice). A trailing
 * carriage return is dropped. Only boundaries are found here; the fields are parsed by Jackson.
 */
final class RecordScanner {
  private final InputStream in;
  private final boolean csv;
  private final byte[] buffer;
  private int pos;
  private int limit;
  private long bufferStart;
  private byte[] record = new byte[512];
  private int length;
  private long start;

  RecordScanner(InputStream in, boolean csv, int bufferSize) {
    this.in = in;
    this.csv = csv;
    this.buffer = new byte[bufferSize];
  }

  /** Forgets buffered bytes: the stream has been moved to {@code offset}. */
  void repositioned(long offset) {
    pos = 0;
    limit = 0;
    bufferStart = offset;
  }

  /**
   * {@return whether a record was read; false at the end of the stream}
   *
   * @throws IOException when reading fails
   */
  boolean next() throws IOException {
    length = 0;
    start = bufferStart + pos;
    boolean inQuotes = false;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        bufferStart += limit;
        pos = 0;
        limit = Math.max(0, in.read(buffer));
        if (limit == 0) {
          return any;
        }
      }
      byte b = buffer[pos++];
      any = true;
      if (b == '\n' && !inQuotes) {
        if (length > 0 && record[length - 1] == '\r') {
          length--;
        }
        return true;
      }
      if (csv && b == '"') {
        inQuotes = !inQuotes;
      }
      if (length == record.length) {
        record = java.util.Arrays.copyOf(record, record.length * 2);
      }
      record[length++] = b;
    }
  }

  /** The bytes of the current record; valid until the next call. */
  byte[] bytes() {
    return record;
  }

  int length() {
    return length;
  }

  /** The byte offset where the current record starts. */
  long offset() {
    return start;
  }
}
