package dev.saasusers.cli;

import dev.saasusers.common.http.ClientListener;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers whether a listing met paging signals that contradict each other, or saw the
 * directory change under it, so that {@code list} can say so on stderr and exit with
 * {@link UsersCli#EXIT_UNPROVEN} instead of 0 when it finished without proof that the export is
 * complete.
 */
final class CompletenessWatch implements ClientListener {
  private final AtomicReference<PagingAnomaly> first = new AtomicReference<>();
  private final AtomicReference<DirectoryRepaired> repair = new AtomicReference<>();

  @Override
  public void onDirectoryRepaired(DirectoryRepaired event) {
    repair.set(event);
  }

  /** {@return how the run repaired a change under it, or null when it saw none} */
  DirectoryRepaired repair() {
    return repair.get();
  }

  @Override
  public void onPagingAnomaly(PagingAnomaly event) {
    first.compareAndSet(null, event);
  }

  /** {@return the first anomaly of the run, or null when the listing's signals all agreed} */
  PagingAnomaly firstAnomaly() {
    return first.get();
  }
}
