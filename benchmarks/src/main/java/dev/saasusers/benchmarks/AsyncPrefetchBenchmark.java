package dev.saasusers.benchmarks;

import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.DatagridListUsersParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Async listing with prefetch (one page ahead, the default) against one page at a time, with a
 * server that takes 20 ms a page and a consumer that takes 20 ms a page: prefetch overlaps the
 * two, so the ideal speed-up is 2x. Paired rounds on one loopback server; prints the ratio of
 * each round and their median.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.saasusers.benchmarks.AsyncPrefetchBenchmark}</pre>
 */
public final class AsyncPrefetchBenchmark {
  static final int PAGES = 25;
  private static final int PAGE_SIZE = 100;
  private static final int SERVER_MILLIS = 20;
  private static final long CONSUMER_NANOS_PER_PAGE = TimeUnit.MILLISECONDS.toNanos(20);
  private static final int ROUNDS = 7;

  private AsyncPrefetchBenchmark() {
  }

  /**
   * Runs the paired rounds and prints the figures.
   *
   * @param args ignored
   * @throws Exception when the loopback server cannot start
   */
  public static void main(String[] args) throws Exception {
    List<Double> ratios = ratios();
    Collections.sort(ratios);
    System.out.printf("async prefetch speed-up (%d pages, %d ms server + %d ms consumer a page):"
        + " median %.2fx, min %.2fx, max %.2fx over %d paired rounds%n", PAGES, SERVER_MILLIS,
        TimeUnit.NANOSECONDS.toMillis(CONSUMER_NANOS_PER_PAGE), ratios.get(ROUNDS / 2),
        ratios.get(0), ratios.get(ROUNDS - 1), ROUNDS);
  }

  /** {@return the speed-up of each paired round, one page at a time ÷ one page ahead} */
  static List<Double> ratios() throws Exception {
    try (LoopbackServer server = new LoopbackServer();
        DatagridClient client = DatagridClient.builder().apiKey(Candidates.API_KEY)
            .baseUrl(server.datagridBase(SERVER_MILLIS, (long) PAGES * PAGE_SIZE)).build()) {
      DatagridListUsersParams params = DatagridListUsersParams.defaults().withPageSize(PAGE_SIZE);
      run(client, params, 1); // warm-up
      run(client, params, 0);
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        long oneAtATime = run(client, params, 0);
        long prefetched = run(client, params, 1);
        double ratio = (double) oneAtATime / prefetched;
        ratios.add(ratio);
        System.out.printf("round %d: one at a time %d ms, prefetch %d ms, speed-up %.2fx%n",
            round + 1, oneAtATime / 1_000_000, prefetched / 1_000_000, ratio);
      }
      return ratios;
    }
  }

  /** One async listing; the consumer spends its 20 ms on the last item of each page. */
  private static long run(DatagridClient client, DatagridListUsersParams params, int prefetch)
      throws Exception {
    LongAdder items = new LongAdder();
    long start = System.nanoTime();
    client.users().list(params).prefetch(prefetch).async().forEach(user -> {
      items.increment();
      if (items.sum() % PAGE_SIZE == 0) {
        busyFor(CONSUMER_NANOS_PER_PAGE);
      }
    }).get(2, TimeUnit.MINUTES);
    long elapsed = System.nanoTime() - start;
    if (items.sum() != (long) PAGES * PAGE_SIZE) {
      throw new IllegalStateException("listed " + items.sum() + " users");
    }
    return elapsed;
  }

  /** The consumer's work: parks rather than spins, as a consumer writing to a store would. */
  private static void busyFor(long nanos) {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
