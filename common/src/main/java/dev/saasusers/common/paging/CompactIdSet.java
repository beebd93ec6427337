package dev.saasusers.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of string ids, exact but compact: a million ids in a few tens of megabytes and no object
 * per id. A listing keeps the ids it delivered here so that a repair delivers only users not
 * delivered yet; the CLI's diff indexes an export by id with it.
 *
 * <p>Each id is stored once as two length bytes and its UTF-8 bytes, in shared 256 KiB chunks, and
 * gets an entry number (0, 1, 2, ... in the order added) that callers can use to index arrays of
 * their own. Lookup goes through one open-addressing table kept at most half full. About
 * {@code 14 + length} bytes an id (8 of table at worst half full, 4 of entry, 2 of length): 1,000,000
 * ids of 22 characters take about 36 MB ({@link #bytes()} tells).
 *
 * <p>Hash collisions cannot merge two ids: the hash only picks where to look, and an id is found
 * only when its bytes equal the stored bytes.
 *
 * <p>Not thread-safe: its owner serializes access.
 */
public final class CompactIdSet {
  /** The longest id, in UTF-8 bytes, that the two length bytes can hold. */
  public static final int MAX_ID_BYTES = 0xFFFF;
  /** 256 KiB chunks: under G1's smallest humongous size, so a small heap packs them densely. */
  private static final int CHUNK_BITS = 18;
  private static final int CHUNK = 1 << CHUNK_BITS;
  /** Refs are ints: the chunk index above {@link #CHUNK_BITS}, the position below it. */
  private static final int MAX_CHUNKS = 1 << (31 - CHUNK_BITS);

  private final List<byte[]> chunks = new ArrayList<>();
  private int chunkUsed = CHUNK; // no chunk yet: the first id makes one
  /** Per entry, where its bytes are: see {@link #MAX_CHUNKS}. */
  private int[] refs = new int[1024];
  private int size;
  /** Entry + 1 per slot; 0 is free. */
  private int[] table = new int[2048];

  /** Creates an empty set. */
  public CompactIdSet() {
  }

  /** {@return how many ids the set holds} */
  public int size() {
    return size;
  }

  /**
   * Finds an id.
   *
   * @param id the id
   * @return its entry number, or -1 when the set does not hold it
   */
  public int indexOf(String id) {
    return find(bytesOf(id));
  }

  /**
   * Tells whether the set holds an id.
   *
   * @param id the id
   * @return true when exactly this id was added
   */
  public boolean contains(String id) {
    return indexOf(id) >= 0;
  }

  /**
   * Adds an id unless the set holds it already.
   *
   * @param id the id
   * @return its entry number: {@link #size()} before the call when the id is new
   * @throws IllegalArgumentException when the id is longer than {@value #MAX_ID_BYTES} UTF-8
   *     bytes
   */
  public int add(String id) {
    byte[] key = bytesOf(id);
    int found = find(key);
    if (found >= 0) {
      return found;
    }
    if (size == refs.length) {
      refs = Arrays.copyOf(refs, size * 2);
    }
    int entry = size++;
    refs[entry] = store(key);
    if (size * 2 > table.length) { // load at most 1/2 keeps probes short
      rehash(table.length * 2);
    } else {
      insert(entry, key);
    }
    return entry;
  }

  /** {@return the heap the set takes, in bytes: the table, the entries and the id chunks} */
  public long bytes() {
    long chunkBytes = 0;
    for (byte[] chunk : chunks) {
      chunkBytes += chunk.length;
    }
    return (long) table.length * Integer.BYTES + (long) refs.length * Integer.BYTES + chunkBytes;
  }

  private static byte[] bytesOf(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    if (key.length > MAX_ID_BYTES) {
      throw new IllegalArgumentException("an id is " + key.length + " bytes long, more than "
          + MAX_ID_BYTES);
    }
    return key;
  }

  private int find(byte[] key) {
    int mask = table.length - 1;
    for (int slot = hash(key, 0, key.length) & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot] - 1;
      if (entry < 0) {
        return -1;
      }
      if (idEquals(entry, key)) {
        return entry;
      }
    }
  }

  /** Stores an id as two length bytes then its bytes, in the current chunk or a new one. */
  private int store(byte[] key) {
    int need = key.length + 2;
    if (chunkUsed + need > CHUNK) {
      if (chunks.size() == MAX_CHUNKS) {
        throw new IllegalStateException("more than 2 GiB of ids");
      }
      chunks.add(new byte[CHUNK]);
      chunkUsed = 0;
    }
    byte[] chunk = chunks.get(chunks.size() - 1);
    int at = chunkUsed;
    chunk[at] = (byte) (key.length >>> 8);
    chunk[at + 1] = (byte) key.length;
    System.arraycopy(key, 0, chunk, at + 2, key.length);
    chunkUsed += need;
    return ((chunks.size() - 1) << CHUNK_BITS) | at;
  }

  private boolean idEquals(int entry, byte[] key) {
    byte[] chunk = chunks.get(refs[entry] >>> CHUNK_BITS);
    int at = refs[entry] & (CHUNK - 1);
    return lengthAt(chunk, at) == key.length
        && Arrays.equals(chunk, at + 2, at + 2 + key.length, key, 0, key.length);
  }

  private static int lengthAt(byte[] chunk, int at) {
    return ((chunk[at] & 0xFF) << 8) | (chunk[at + 1] & 0xFF);
  }

  private void insert(int entry, byte[] key) {
    insertHashed(entry, hash(key, 0, key.length));
  }

  private void insertHashed(int entry, int hash) {
    int mask = table.length - 1;
    int slot = hash & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = entry + 1;
  }

  private void rehash(int capacity) {
    table = new int[capacity];
    for (int e = 0; e < size; e++) {
      byte[] chunk = chunks.get(refs[e] >>> CHUNK_BITS);
      int at = refs[e] & (CHUNK - 1);
      insertHashed(e, hash(chunk, at + 2, lengthAt(chunk, at)));
    }
  }

  /** FNV-1a, then a murmur3 finaliser so that similar ids spread over the table. */
  static int hash(byte[] bytes, int from, int length) {
    int h = 0x811C9DC5;
    for (int i = from; i < from + length; i++) {
      h = (h ^ (bytes[i] & 0xFF)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  @Override
  public String toString() {
    return "CompactIdSet{size=" + size + ", table=" + table.length + "}";
  }
}
