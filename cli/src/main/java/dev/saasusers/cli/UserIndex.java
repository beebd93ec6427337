package dev.saasusers.cli;

import dev.saasusers.common.paging.CompactIdSet;
import java.util.Arrays;

/**
 * A compact index of user ids, for diffing exports of a million users in little heap: the ids
 * in a {@link CompactIdSet} (UTF-8 bytes in shared chunks, no object per user) and, per entry,
 * the byte offset of its record, a 128-bit fingerprint of the compared fields and a state, in
 * parallel primitive arrays. About 75 bytes a user with a 36-character id.
 */
final class UserIndex {
  /** An old user not met in the new export (yet). */
  static final byte UNSEEN = 0;
  /** An old user met in the new export. */
  static final byte SEEN = 1;
  /** A user only in the new export. */
  static final byte ADDED = 2;

  private final CompactIdSet ids = new CompactIdSet();
  private long[] offset = new long[1024];
  private long[] fingerprintHigh = new long[1024];
  private long[] fingerprintLow = new long[1024];
  private byte[] state = new byte[1024];

  int size() {
    return ids.size();
  }

  /**
   * Finds a user.
   *
   * @param id the user's id
   * @return its entry, or -1
   */
  int find(String id) {
    return ids.indexOf(id);
  }

  /**
   * Adds a user that {@link #find(String)} did not find.
   *
   * @return its entry
   */
  int add(String id, long recordOffset, long high, long low, byte initial) {
    int entry;
    try {
      entry = ids.add(id);
    } catch (IllegalArgumentException e) {
      throw new DiffException("a user id is longer than " + CompactIdSet.MAX_ID_BYTES + " bytes");
    }
    if (entry == offset.length) {
      int n = entry * 2;
      offset = Arrays.copyOf(offset, n);
      fingerprintHigh = Arrays.copyOf(fingerprintHigh, n);
      fingerprintLow = Arrays.copyOf(fingerprintLow, n);
      state = Arrays.copyOf(state, n);
    }
    offset[entry] = recordOffset;
    fingerprintHigh[entry] = high;
    fingerprintLow[entry] = low;
    state[entry] = initial;
    return entry;
  }

  long offset(int entry) {
    return offset[entry];
  }

  boolean sameFingerprint(int entry, long high, long low) {
    return fingerprintHigh[entry] == high && fingerprintLow[entry] == low;
  }

  byte state(int entry) {
    return state[entry];
  }

  void setState(int entry, byte value) {
    state[entry] = value;
  }
}
