package dev.saasusers.common.paging;

import dev.saasusers.common.http.ClientListener;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Not thread-safe: the engine that owns it serializes access.
 */
final class RunProgress<S, T> {
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

  RunProgress(String vendorId, String strategyId, Function<? super S, ? extends T> mapper,
      Checkpoint start, long maxItems, ClientListener listener) {
    this.vendorId = vendorId;
    this.listener = listener;
    this.strategyId = strategyId;
    this.mapper = mapper;
    this.maxItems = maxItems;
    this.next = Optional.ofNullable(start.position());
    this.firstSkip = start.skip();
    this.lastCheckpoint = start.encode(vendorId, strategyId);
  }

  /** @return where the next page to deliver starts; empty when the run is over */
  Optional<PagePosition> next() {
    return limitReached() ? Optional.empty() : next;
  }

  /** @return true when the run stops after {@code maxItems} items */
  boolean bounded() {
    return maxItems >= 0;
  }

  /** @return true once {@code maxItems} items were delivered */
  boolean limitReached() {
    return maxItems >= 0 && itemsTaken >= maxItems;
  }

  /** @return how many items of the page at the run's first position were delivered earlier */
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
    PageAnomaly anomaly = page.anomaly();
    if (anomaly != null) {
      report(position, anomaly);
      if (anomaly.outcome() == ClientListener.PagingAnomaly.Outcome.FAILED) {
        throw new PagingException("listing of " + vendorId + " stopped at the page at "
            + position.asString() + ": " + anomaly.detail());
      }
    }
    List<S> raw = page.items();
    int from = Math.min(skip, raw.size());
    int to = raw.size();
    if (maxItems >= 0 && to - from > maxItems - itemsTaken) {
      to = from + (int) (maxItems - itemsTaken);
    }
    boolean truncated = to < raw.size();
    // Mapped before any state changes, so a failing mapper leaves the checkpoint before this page.
    List<T> items = new ArrayList<>(to - from);
    for (S item : raw.subList(from, to)) {
      items.add(mapper.apply(item));
    }
    Checkpoint after = truncated
        ? new Checkpoint(position, to)
        : following.map(p -> new Checkpoint(p, 0)).orElseGet(Checkpoint::end);
    String checkpoint = after.encode(vendorId, strategyId);
    Page<T> out = page.delivered(items, pagesTaken, checkpoint);
    pagesTaken++;
    itemsTaken += items.size();
    lastCheckpoint = checkpoint;
    next = truncated ? Optional.empty() : following;
    return out;
  }

  private void report(PagePosition position, PageAnomaly anomaly) {
    if (listener != null) {
      listener.onPagingAnomaly(new ClientListener.PagingAnomaly(vendorId, pagesTaken,
          position.asString(), anomaly.kind(), anomaly.detail(), anomaly.outcome()));
    }
  }

  /** @return the checkpoint of the last delivered page (the run's start before any) */
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
