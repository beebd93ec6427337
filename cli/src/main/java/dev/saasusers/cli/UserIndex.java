package dev.saasusers.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compact hash index of user ids, for diffing exports of a million users in little heap:
 * per user its id's UTF-8 bytes in shared 1 MiB chunks, the byte offset of its record, a 128-bit
 * fingerprint of the compared fields and a state, in parallel primitive arrays, looked up through
 * an open-addressing table. About 70 bytes a user with a 36-character id; no object per user.
 */
final class UserIndex {
  /** An old user not met in the new export (yet). */
  static final byte UNSEEN = 0;
  /** An old user met in the new export. */
  static final byte SEEN = 1;
  /** A user only in the new export. */
  static final byte ADDED = 2;

  private static final int CHUNK = 1 << 20;

  private final List<byte[]> chunks = new ArrayList<>();
  private int chunkUsed = CHUNK;
  private long[] idRef = new long[1024];
  private long[] offset = new long[1024];
  private long[] fingerprintHigh = new long[1024];
  private long[] fingerprintLow = new long[1024];
  private byte[] state = new byte[1024];
  private int size;
  /** Entry index + 1 per slot; 0 is free. */
  private int[] table = new int[2048];

  int size() {
    return size;
  }

  /**
   * Finds a user.
   *
   * @param id the user's id
   * @return its entry, or -1
   */
  int find(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    int mask = table.length - 1;
    for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot] - 1;
      if (entry < 0) {
        return -1;
      }
      if (idEquals(entry, key)) {
        return entry;
      }
    }
  }

  /**
   * Adds a user that {@link #find(String)} did not find.
   *
   * @return its entry
   */
  int add(String id, long recordOffset, long high, long low, byte initial) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    if (key.length > 0xFFFF) {
      throw new DiffException("a user id is longer than 65535 bytes");
    }
    if (size == idRef.length) {
      int n = size * 2;
      idRef = Arrays.copyOf(idRef, n);
      offset = Arrays.copyOf(offset, n);
      fingerprintHigh = Arrays.copyOf(fingerprintHigh, n);
      fingerprintLow = Arrays.copyOf(fingerprintLow, n);
      state = Arrays.copyOf(state, n);
    }
    int entry = size++;
    idRef[entry] = store(key);
    offset[entry] = recordOffset;
    fingerprintHigh[entry] = high;
    fingerprintLow[entry] = low;
    state[entry] = initial;
    if (size * 2 > table.length) {
      rehash(table.length * 2);
    } else {
      insert(entry, key);
    }
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

  /** Stores an id as two length bytes then its bytes, in the current chunk or a new one. */
  private long store(byte[] key) {
    int need = key.length + 2;
    if (chunkUsed + need > CHUNK) {
      chunks.add(new byte[Math.max(CHUNK, need)]);
      chunkUsed = 0;
    }
    byte[] chunk = chunks.get(chunks.size() - 1);
    int at = chunkUsed;
    chunk[at] = (byte) (key.length >>> 8);
    chunk[at + 1] = (byte) key.length;
    System.arraycopy(key, 0, chunk, at + 2, key.length);
    chunkUsed += need;
    return ((long) (chunks.size() - 1) << 32) | at;
  }

  private boolean idEquals(int entry, byte[] key) {
    byte[] chunk = chunks.get((int) (idRef[entry] >>> 32));
    int at = (int) idRef[entry];
    int length = ((chunk[at] & 0xFF) << 8) | (chunk[at + 1] & 0xFF);
    return length == key.length
        && Arrays.equals(chunk, at + 2, at + 2 + length, key, 0, length);
  }

  private byte[] idOf(int entry) {
    byte[] chunk = chunks.get((int) (idRef[entry] >>> 32));
    int at = (int) idRef[entry];
    int length = ((chunk[at] & 0xFF) << 8) | (chunk[at + 1] & 0xFF);
    return Arrays.copyOfRange(chunk, at + 2, at + 2 + length);
  }

  private void insert(int entry, byte[] key) {
    int mask = table.length - 1;
    int slot = hash(key) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = entry + 1;
  }

  private void rehash(int capacity) {
    table = new int[capacity];
    for (int e = 0; e < size; e++) {
      insert(e, idOf(e));
    }
  }

  /** FNV-1a, then a murmur3 finaliser so that similar ids spread over the table. */
  private static int hash(byte[] key) {
    int h = 0x811C9DC5;
    for (byte b : key) {
      h = (h ^ (b & 0xFF)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
