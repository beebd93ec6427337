package dev.saasusers.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactIdSetTest {

  @Test
  void anIdIsNewOnceAndFoundAfter() {
    CompactIdSet ids = new CompactIdSet();

    assertFalse(ids.contains("pd00050"));
    assertEquals(0, ids.add("pd00050"));
    assertEquals(0, ids.add("pd00050"), "adding again returns the same entry");
    assertEquals(1, ids.add("pd00051"));
    assertTrue(ids.contains("pd00050"));
    assertEquals(1, ids.indexOf("pd00051"));
    assertEquals(-1, ids.indexOf("pd00052"));
    assertEquals(2, ids.size());
  }

  @Test
  void aMillionIdsOfTwentyTwoCharactersTakeAboutThirtySixMegabytes() {
    CompactIdSet ids = new CompactIdSet();
    for (int i = 0; i < 1_000_000; i++) {
      assertEquals(i, ids.add(pandaDocLikeId(i)), "entry of id " + i);
    }

    assertEquals(1_000_000, ids.size());
    // 2^21 table ints, 2^20 entry ints, 92 chunks of 256 KiB (24 bytes an id: 10,922 a chunk).
    assertEquals((8L << 20) + (4L << 20) + (23L << 20), ids.bytes());
    for (int i = 0; i < 1_000_000; i += 997) {
      assertEquals(i, ids.indexOf(pandaDocLikeId(i)));
    }
    for (int i = 1_000_000; i < 1_010_000; i++) {
      assertFalse(ids.contains(pandaDocLikeId(i)), "id " + i + " was never added");
    }
  }

  /** The case a hash-only set would get wrong: ids whose hashes are equal stay two ids. */
  @Test
  void idsWithTheSameHashAreBothKept() {
    List<String> colliding = sameHashPair();
    CompactIdSet ids = new CompactIdSet();

    ids.add(colliding.get(0));

    assertFalse(ids.contains(colliding.get(1)), colliding + " share a hash but are different ids");
    assertEquals(1, ids.add(colliding.get(1)));
    assertEquals(0, ids.indexOf(colliding.get(0)));
    assertEquals(1, ids.indexOf(colliding.get(1)));
  }

  @Test
  void nonAsciiIdsAreComparedByTheirBytes() {
    CompactIdSet ids = new CompactIdSet();
    ids.add("usér-1");

    assertTrue(ids.contains("usér-1"));
    assertFalse(ids.contains("user-1"));
    assertFalse(ids.contains("usér-"));
  }

  @Test
  void anIdTooLongForTheLengthBytesIsRefusedByName() {
    String tooLong = "x".repeat(CompactIdSet.MAX_ID_BYTES + 1);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CompactIdSet().add(tooLong));
    assertEquals("an id is 65536 bytes long, more than 65535", e.getMessage());
  }

  private static String pandaDocLikeId(int i) {
    return "Pd_" + (1_000_000_000_000_000_000L + i); // 22 characters, as PandaDoc's user_id
  }

  /** Two different ids with the same full 32-bit hash, found by search (birthday bound ~2^16). */
  private static List<String> sameHashPair() {
    Map<Integer, String> seen = new HashMap<>();
    for (int i = 0; ; i++) {
      String id = "usr_" + i;
      byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
      String before = seen.putIfAbsent(CompactIdSet.hash(bytes, 0, bytes.length), id);
      if (before != null) {
        return new ArrayList<>(List.of(before, id));
      }
    }
  }
}
