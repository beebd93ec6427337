package dev.saasusers.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveredIdsTest {

  @Test
  void anIdIsNewOnceAndDeliveredAfter() {
    DeliveredIds ids = new DeliveredIds();

    assertFalse(ids.contains("pd00050"));
    assertTrue(ids.add("pd00050"));
    assertFalse(ids.add("pd00050"));
    assertTrue(ids.contains("pd00050"));
    assertFalse(ids.contains("pd00051"));
    assertEquals(1, ids.size());
  }

  @Test
  void aMillionIdsFitInSixteenMebibytesAndStayDistinct() {
    DeliveredIds ids = new DeliveredIds();
    for (int i = 0; i < 1_000_000; i++) {
      assertTrue(ids.add("usr_" + i), "usr_" + i + " is new");
    }

    assertEquals(1_000_000, ids.size());
    assertEquals(16L << 20, ids.bytes(), "2^21 slots of 8 bytes: load below one half");
    for (int i = 0; i < 1_000_000; i += 997) {
      assertTrue(ids.contains("usr_" + i));
    }
    for (int i = 1_000_000; i < 1_010_000; i++) {
      assertFalse(ids.contains("usr_" + i), "usr_" + i + " was never added");
    }
  }

  @Test
  void idsThatDifferInOneCharacterOrInOrderHashApart() {
    assertTrue(DeliveredIds.hash64("a") != DeliveredIds.hash64("b"));
    assertTrue(DeliveredIds.hash64("ab") != DeliveredIds.hash64("ba"));
  }
}
