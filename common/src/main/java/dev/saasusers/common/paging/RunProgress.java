package dev.saasusers.common.paging;

import dev.saasusers.common.http.ClientListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one listing run has delivered so far, and how a fetched page becomes the next delivered
 * page: items already delivered before a resume are skipped, the last page is cut to
 * {@code maxItems}, and each page gets the checkpoint that resumes right after it. The
 * synchronous {@link Listing} and the {@link AsyncPager} both take their pages through here, so
 * they deliver the same items with the same checkpoints. A page's paging anomaly is reported
 * here too, when the page is taken (so in order, once), and fails the run when its outcome says
 * so.
 *
 * <p>Change under the listing: with a {@link PageNumberPaging} that declares its item id, each
 * page taken is checked against the pass it belongs to (total moved, ids already delivered, a
 * short page before the total). On a change, the page delivers only ids not delivered yet and
 * the run goes back to page 1 for another pass (the change can be anywhere before the page, so
 * page 1 is the earliest that can have shifted), up to {@value #MAX_REPAIR_PASSES} passes. The
 * engines see the new position in {@link #next()} and drop their speculative pages, as for any
 * page that does not follow; {@link #pass()} tells them to forget the positions of the old pass.
 *
 * <p>Not thread-safe: the engine that owns it serializes access.
 */
final class RunProgress<S, T> {
  /** Repair passes after the first reading before the run gives up proving completeness. */
  static final int MAX_REPAIR_PASSES = 3;

  private final String vendorId;
  private final String strategyId;
  private final Function<? super S, ? extends T> mapper;
  private final long maxItems;
  private final int firstSkip;
  private final ClientListener listener;
  private Optional<PagePosition> next;
  private String lastCheckpoint;
  private long itemsTaken;
  private int pagesTaken;

  // Change watch; all unused when watch is null.
  private final PageNumberPaging<?, S> watch;
  private final CompactIdSet delivered = new CompactIdSet();
  private int pass;
  private int pagesInPass;
  private Long passTotal;
  private boolean changeSeen;
  private boolean gaveUp;
  private int pagesReadAgain;
  /** Highest page number taken in earlier passes: pages up to it are read again by a repair. */
  private int furthestPageBeforePass;
  private int furthestPage;
  /** A verifying second pass is asked for and not started yet. */
  private boolean secondPassPending;
  private boolean inSecondPass;
  private long usersRecovered;

  @SuppressWarnings("unchecked")
  RunProgress(String vendorId, String strategyId, Function<? super S, ? extends T> mapper,
      Checkpoint start, long maxItems, ClientListener listener, PageFetcher<S> fetcher,
      boolean secondPass) {
    this.secondPassPending = secondPass;
    this.watch = fetcher instanceof PageNumberPaging<?, ?> p && p.itemId() != null
        ? (PageNumberPaging<?, S>) p : null;
    this.vendorId = vendorId;
    this.listener = listener;
    this.strategyId = strategyId;
    this.mapper = mapper;
    this.maxItems = maxItems;
    this.next = Optional.ofNullable(start.position());
    this.firstSkip = start.skip();
    this.lastCheckpoint = start.encode(vendorId, strategyId);
  }

  /** {@return where the next page to deliver starts; empty when the run is over} */
  Optional<PagePosition> next() {
    return limitReached() ? Optional.empty() : next;
  }

  /** {@return true when the run stops after {@code maxItems} items} */
  boolean bounded() {
    return maxItems >= 0;
  }

  /** {@return true once {@code maxItems} items were delivered} */
  boolean limitReached() {
    return maxItems >= 0 && itemsTaken >= maxItems;
  }

  /** {@return how many items of the page at the run's first position were delivered earlier} */
  int skipForPage(long pageSeq) {
    return pageSeq == 0 ? firstSkip : 0;
  }

  /**
   * Turns a fetched page into the delivered one and moves the run on.
   *
   * @param position where the page was fetched
   * @param skip items of it delivered before (a resumed run's first page)
   * @param page the fetched page
   * @param following where the page after it starts, as the strategy says
   * @return the page to hand out, with its index and checkpoint
   * @throws PagingException when the page's paging signals contradict each other so that the
   *     listing cannot go on; the run's checkpoint stays that of the page before
   */
  Page<T> take(PagePosition position, int skip, Page<S> page, Optional<PagePosition> following) {
    List<S> raw = page.items();
    int from = Math.min(skip, raw.size());
    String change = watch == null ? null : changeSeenOn(page, from);
    boolean repair = change != null && pass < MAX_REPAIR_PASSES;
    PageAnomaly anomaly = page.anomaly();
    if (anomaly != null && !repair) { // a repaired page's contradiction is the change itself
      report(position, anomaly);
      if (anomaly.outcome() == ClientListener.PagingAnomaly.Outcome.FAILED) {
        throw new PagingException("listing of " + vendorId + " stopped at the page at "
            + position.asString() + ": " + anomaly.detail());
      }
    }
    // Filtering by the id set only where a change was seen, or on pages read again; the set
    // compares ids exactly, so a filtered item was really delivered before.
    boolean filter = watch != null && (change != null || pass > 0);
    long budget = maxItems < 0 ? Long.MAX_VALUE : maxItems - itemsTaken;
    List<S> chosen = new ArrayList<>();
    int to = from;
    while (to < raw.size() && chosen.size() < budget) {
      S item = raw.get(to++);
      if (!filter || !delivered.contains(idOf(item))) {
        chosen.add(item);
      }
    }
    boolean truncated = to < raw.size();
    // Mapped before any state changes, so a failing mapper leaves the checkpoint before this page.
    List<T> items = new ArrayList<>(chosen.size());
    for (S item : chosen) {
      items.add(mapper.apply(item));
    }
    if (watch != null) {
      for (S item : chosen) {
        delivered.add(idOf(item));
      }
      int number = position.pageNumber().orElse(0);
      if (pass > 0 && number <= furthestPageBeforePass) { // recovered: the first reading missed them
        pagesReadAgain++;
        usersRecovered += chosen.size();
      }
      furthestPage = Math.max(furthestPage, number);
    }
    Optional<PagePosition> after = following;
    if (change != null) {
      changed(position, change);
      if (repair) {
        pass++;
        pagesInPass = 0;
        furthestPageBeforePass = furthestPage;
        passTotal = null;
        after = Optional.of(PagePosition.ofPageNumber(1));
      } else {
        gaveUp = true;
      }
    }
    if (watch != null && after.isEmpty() && !truncated && !limitReached(items.size())) {
      after = passEnded(position);
    }
    Checkpoint resume = truncated
        ? new Checkpoint(position, to)
        : after.map(p -> new Checkpoint(p, 0)).orElseGet(Checkpoint::end);
    String checkpoint = resume.encode(vendorId, strategyId);
    next = truncated ? Optional.empty() : after;
    Page<T> out = page.delivered(items, pagesTaken, checkpoint).withConsistency(consistency());
    pagesTaken++;
    itemsTaken += items.size();
    lastCheckpoint = checkpoint;
    if (changeSeen && next().isEmpty() && listener != null) {
      listener.onDirectoryRepaired(new ClientListener.DirectoryRepaired(
          vendorId, pagesReadAgain, usersRecovered, !gaveUp));
    }
    return out;
  }

  private boolean limitReached(int deliveringNow) {
    return maxItems >= 0 && itemsTaken + deliveringNow >= maxItems;
  }

  /**
   * Where the run goes when a pass ends: page 1 again when a verifying second pass is due,
   * else nowhere. A second pass that delivered users reports them as a repaired change.
   */
  private Optional<PagePosition> passEnded(PagePosition position) {
    if (secondPassPending && !gaveUp) {
      secondPassPending = false;
      inSecondPass = true;
      pass++;
      pagesInPass = 0;
      passTotal = null;
      furthestPageBeforePass = furthestPage;
      return Optional.of(PagePosition.ofPageNumber(1));
    }
    if (inSecondPass && usersRecovered > 0 && !changeSeen) {
      changed(position, "the second pass found " + usersRecovered
          + " users the first pass missed (the total did not show the change)");
    }
    return Optional.empty();
  }

  /** What shows this page was read from a changed directory, or null when nothing does. */
  private String changeSeenOn(Page<S> page, int from) {
    Number reported = watch.reportedTotal(page);
    Long total = reported == null ? null : reported.longValue();
    boolean firstOfPass = pagesInPass++ == 0;
    if (firstOfPass) {
      passTotal = total;
    } else if (!Objects.equals(total, passTotal)) {
      return "total " + total + ", was " + passTotal;
    }
    if (pass == 0) {
      int repeated = 0;
      for (S item : page.items().subList(from, page.items().size())) {
        repeated += delivered.contains(idOf(item)) ? 1 : 0;
      }
      if (repeated > 0) {
        return repeated + " users of the page were delivered before";
      }
    }
    PageAnomaly anomaly = page.anomaly();
    if (anomaly != null && anomaly.kind() == ClientListener.PagingAnomaly.Kind.SHORT_OF_TOTAL) {
      return anomaly.detail();
    }
    return null;
  }

  private void changed(PagePosition position, String detail) {
    changeSeen = true;
    if (listener != null) {
      listener.onDirectoryChanged(new ClientListener.DirectoryChanged(
          vendorId, pagesTaken, position.asString(), pass, detail));
    }
  }

  private String idOf(S item) {
    String id = watch.itemId().apply(item);
    if (id == null) {
      throw new PagingException("an item of " + vendorId + " has no id: the listing cannot tell"
          + " whether it was delivered");
    }
    // At most 3 UTF-8 bytes a char: only a long id needs encoding to know it fits the set.
    if (id.length() > CompactIdSet.MAX_ID_BYTES / 3
        && id.getBytes(StandardCharsets.UTF_8).length > CompactIdSet.MAX_ID_BYTES) {
      throw new PagingException("an item of " + vendorId + " has an id of more than "
          + CompactIdSet.MAX_ID_BYTES + " bytes: the listing cannot keep track of it");
    }
    return id;
  }

  /** {@return what the run can say so far about change under it} */
  Consistency consistency() {
    if (watch == null) {
      return Consistency.NOT_WATCHED;
    }
    if (!changeSeen) {
      return Consistency.CONSISTENT;
    }
    if (gaveUp) {
      return Consistency.NOT_PROVEN;
    }
    return next().isEmpty() ? Consistency.REPAIRED : Consistency.REPAIRING;
  }

  /** {@return the pass the run is in: 0 for the first reading, then one more per repair} */
  int pass() {
    return pass;
  }

  private void report(PagePosition position, PageAnomaly anomaly) {
    if (listener != null) {
      listener.onPagingAnomaly(new ClientListener.PagingAnomaly(vendorId, pagesTaken,
          position.asString(), anomaly.kind(), anomaly.detail(), anomaly.outcome()));
    }
  }

  /** {@return the checkpoint of the last delivered page (the run's start before any)} */
  String lastCheckpoint() {
    return lastCheckpoint;
  }

  long itemsTaken() {
    return itemsTaken;
  }

  int pagesTaken() {
    return pagesTaken;
  }

  String vendorId() {
    return vendorId;
  }
}
