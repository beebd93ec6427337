package dev.saasusers.common.paging;

import dev.saasusers.common.http.RawResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One fetched page: its items, the raw response it came from, and where to resume after it.
 *
 * <pre>{@code
 * for (Page<User> page : users.pages()) { save(page.items()); store.put(page.checkpoint()); }
 * }</pre>
 *
 * <p>A fetcher builds pages with {@link #of}; {@link #index()} and {@link #checkpoint()} are set
 * on the copies a {@link PagedIterable} delivers.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final PagePosition position;
  private final List<T> items;
  private final RawResponse<?> rawResponse;
  private final int index;
  private final String checkpoint;
  /** A contradiction the strategy found in this page's paging signals, or null. */
  private final PageAnomaly anomaly;
  private final Consistency consistency;

  private Page(
      PagePosition position, List<T> items, RawResponse<?> rawResponse, int index,
      String checkpoint, PageAnomaly anomaly, Consistency consistency) {
    this.consistency = consistency;
    this.position = position;
    this.items = items;
    this.rawResponse = rawResponse;
    this.index = index;
    this.checkpoint = checkpoint;
    this.anomaly = anomaly;
  }

  /**
   * Called by a {@link PageFetcher} for the page it fetched.
   *
   * @param position where the page was fetched
   * @param items the page's items; null is an empty page
   * @param rawResponse the response the page came from
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> of(PagePosition position, List<T> items, RawResponse<?> rawResponse) {
    Objects.requireNonNull(position, "position");
    List<T> copy = items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    return new Page<>(position, copy, rawResponse, -1, null, null, Consistency.NOT_WATCHED);
  }

  /**
   * A strategy's page: the items of the response's body, as {@code field} says the spec allows.
   *
   * @throws dev.saasusers.common.http.IncompleteResponseException when the body is missing or
   *     its items are null where the spec does not allow it
   */
  static <R, T> Page<T> fromResponse(PagePosition position, RawResponse<R> response,
      Function<? super R, ? extends List<T>> items, ItemsField field) {
    return of(position, field.itemsOf(response, items), response);
  }

  /** This page with a contradiction of its paging signals, for the run to report. */
  Page<T> withAnomaly(PageAnomaly found) {
    return new Page<>(position, items, rawResponse, index, checkpoint, found, consistency);
  }

  /** {@return the contradiction the strategy found in this page's paging signals, or null} */
  PageAnomaly anomaly() {
    return anomaly;
  }

  /** Copy handed to the caller; {@code items} is already mapped, skipped or truncated. */
  <U> Page<U> delivered(List<U> deliveredItems, int deliveredIndex, String deliveredCheckpoint) {
    return new Page<>(
        position, Collections.unmodifiableList(deliveredItems), rawResponse, deliveredIndex,
        deliveredCheckpoint, anomaly, consistency);
  }

  /** This delivered page with what its run can say so far about change under it. */
  Page<T> withConsistency(Consistency runConsistency) {
    return new Page<>(position, items, rawResponse, index, checkpoint, anomaly, runConsistency);
  }

  /**
   * {@return what the run that delivered this page can say about the directory changing under it,
   *     as far as it has gone; the last page of a run carries the final word}
   */
  public Consistency consistency() {
    return consistency;
  }

  /** {@return the page's items, unmodifiable} */
  public List<T> items() {
    return items;
  }

  /** {@return the status, headers and decoded body of the response this page came from} */
  public RawResponse<?> rawResponse() {
    return rawResponse;
  }

  /**
   * {@return where a listing resumes after this page (pass it to {@link
   *     PagedIterable#resumeFrom(String)}); null on a page not delivered by a {@link PagedIterable}}
   */
  public String checkpoint() {
    return checkpoint;
  }

  /** {@return 0-based index of the page within its listing run, or -1 if not delivered yet} */
  public int index() {
    return index;
  }

  /** {@return where this page was fetched} */
  public PagePosition position() {
    return position;
  }

  @Override
  public String toString() {
    return "Page{index=" + index + ", position=" + position + ", items=" + items.size()
        + ", checkpoint=" + checkpoint + "}";
  }
}
