package dev.saasusers.common.paging;

/**
 * The ids a listing run has delivered, kept as 64-bit hashes in one open-addressing
 * {@code long[]} (about 16 MB for 1,000,000 ids, no object per id), so a repaired listing can
 * deliver only the users it has not delivered yet.
 *
 * <p>Hash collisions: two different ids with the same 64-bit hash would make the second look
 * delivered. The hash is a full 64-bit mix of the id's characters, so for n ids the chance of any
 * collision is about n&sup2;/2<sup>65</sup> (under 3 in 100 million for 1,000,000 ids). The set is
 * only consulted on pages read again after a change was seen; a stable listing never filters an
 * item by it, so it can never lose a user there.
 *
 * <p>Not thread-safe: the run that owns it serializes access.
 */
final class DeliveredIds {
  private static final long EMPTY = 0L; // a hash of 0 is stored as 1: see slotValue
  private long[] slots = new long[1024];
  private int size;

  /**
   * @param id a vendor id
   * @return true when the id was not in the set (and now is)
   */
  boolean add(String id) {
    long h = slotValue(id);
    int mask = slots.length - 1;
    for (int i = index(h, mask); ; i = (i + 1) & mask) {
      if (slots[i] == h) {
        return false;
      }
      if (slots[i] == EMPTY) {
        slots[i] = h;
        if (++size * 2 > slots.length) { // load at most 1/2 keeps probes short
          grow();
        }
        return true;
      }
    }
  }

  /**
   * @param id a vendor id
   * @return true when an id with the same hash was added
   */
  boolean contains(String id) {
    long h = slotValue(id);
    int mask = slots.length - 1;
    for (int i = index(h, mask); slots[i] != EMPTY; i = (i + 1) & mask) {
      if (slots[i] == h) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return size;
  }

  /** @return the heap the hashes take, in bytes (the slot array; growth briefly holds 1.5 times) */
  long bytes() {
    return slots.length * (long) Long.BYTES;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long h : old) {
      if (h != EMPTY) {
        int i = index(h, mask);
        while (slots[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        slots[i] = h;
      }
    }
  }

  private static int index(long h, int mask) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** FNV-1a over the UTF-16 chars, then the SplitMix64 finalizer; never 0 (the empty slot). */
  static long hash64(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }

  private static long slotValue(String id) {
    long h = hash64(id);
    return h == EMPTY ? 1L : h;
  }

  @Override
  public String toString() {
    return "DeliveredIds{size=" + size + ", slots=" + slots.length + "}";
  }
}
