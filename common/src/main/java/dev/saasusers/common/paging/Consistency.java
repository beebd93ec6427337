package dev.saasusers.common.paging;

/**
 * What a listing run can say about the directory changing under it, as far as it has gone (the
 * last page of a run carries the final word).
 */
public enum Consistency {
  /** The fetcher declares no item id, so the run does not watch for change. */
  NOT_WATCHED,
  /** No change was seen: the total held and no page repeated or fell short. */
  CONSISTENT,
  /**
   * A change was seen and the run read the pages again until a pass was stable, delivering only
   * the items it had not delivered yet.
   */
  REPAIRED,
  /** A change was seen and a repair pass is under way; the last page tells how it ended. */
  REPAIRING,
  /**
   * A change was seen and the run stopped repairing at its bound: items may be missing.
   */
  NOT_PROVEN
}
