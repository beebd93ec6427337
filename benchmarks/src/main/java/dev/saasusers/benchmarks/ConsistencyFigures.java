package dev.saasusers.benchmarks;

import dev.saasusers.common.paging.PageNumberPaging;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.api.PandaDocApi;
import dev.saasusers.pandadoc.model.ListUsersResponse;
import dev.saasusers.pandadoc.model.PandaDocUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Figure 7 (issue 16): what watching a page-number listing for change costs when nothing
 * changes, and the memory of 1,000,000 delivered ids kept for repair. Runs inside
 * {@link BenchmarkSuite}, or alone: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.saasusers.benchmarks.ConsistencyFigures}.
 */
final class ConsistencyFigures {
  private static final int ROUNDS = Integer.getInteger("rounds", 5);
  private static final int USERS = Integer.getInteger("consistency.users", 20_000);
  private static final int PAGE = 50;
  private static final String WATCHED = "facade listing (watched: ids kept, total and repeats checked)";
  private static final String UNWATCHED = "same listing without idOf (not watched, as before issue 16)";
  private static final String VERIFIED = "watched + verifyWithSecondPass(true)";

  private ConsistencyFigures() {
  }

  /**
   * Runs figure 7 alone and prints it.
   *
   * @param args ignored
   * @throws Exception when a figure cannot be measured
   */
  public static void main(String[] args) throws Exception {
    StringBuilder report = new StringBuilder();
    List<String[]> summary = new ArrayList<>();
    try (LoopbackServer server = new LoopbackServer()) {
      run(server, report, summary);
    }
    System.out.println("\n" + report + "\n"
        + BenchmarkSuite.markdownTable(new String[] {"figure", "measured", "target", "result"}, summary));
  }

  static void run(LoopbackServer server, StringBuilder report, List<String[]> summary)
      throws IOException, InterruptedException {
    String base = server.pandadocBase(0, USERS);
    int pages = (USERS + PAGE - 1) / PAGE;
    try (PandaDocClient client = PandaDocClient.builder().apiKey(Candidates.API_KEY).baseUrl(base).build()) {
      Map<String, Supplier<PagedIterable<PandaDocUser>>> listings = new LinkedHashMap<>();
      listings.put(UNWATCHED, () -> unwatched(client));
      listings.put(WATCHED, () -> client.users().list());
      listings.put(VERIFIED, () -> client.users().list().verifyWithSecondPass(true));
      List<String> names = new ArrayList<>(listings.keySet());
      Map<String, Long> requests = new LinkedHashMap<>();
      for (int w = 0; w < 2; w++) {
        for (String name : names) {
          requests.put(name, countRequests(server, () -> drain(listings.get(name).get())));
        }
      }
      Map<String, List<Double>> msPerPage = new LinkedHashMap<>();
      names.forEach(n -> msPerPage.put(n, new ArrayList<>()));
      List<Double> watchedRatio = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        List<String> order = BenchmarkSuite.roundOrder(names, round);
        Map<String, Double> thisRound = new LinkedHashMap<>();
        for (String name : order) {
          long start = System.nanoTime();
          long users = drain(listings.get(name).get());
          if (users != USERS) {
            throw new IllegalStateException(name + " delivered " + users + " users");
          }
          // Per page of the first pass: the verified listing's second pass is its extra cost.
          thisRound.put(name, (System.nanoTime() - start) / 1e6 / pages);
        }
        names.forEach(n -> msPerPage.get(n).add(thisRound.get(n)));
        watchedRatio.add(thisRound.get(WATCHED) / thisRound.get(UNWATCHED));
      }
      List<String[]> rows = new ArrayList<>();
      for (String name : names) {
        rows.add(new String[] {name, String.valueOf(requests.get(name)),
            String.format(Locale.ROOT, "%.3f", BenchmarkSuite.median(msPerPage.get(name)))});
      }
      double ratio = BenchmarkSuite.median(watchedRatio);
      boolean sameRequests = requests.get(WATCHED).equals(requests.get(UNWATCHED)) && requests.get(WATCHED) == pages;
      String table = BenchmarkSuite.markdownTable(new String[] {"PandaDoc listing, stable directory",
          "requests", "ms per page of users (median)"}, rows);
      String memory = memory(server, summary);
      report.append("## Consistency under change (figure 7, issue 16)\n\n")
          .append(String.format(Locale.ROOT, "%,d PandaDoc users in %d pages of %d that do not change, "
              + "default prefetch; %d paired rounds in alternating order after two warm-up rounds.%n%n",
              USERS, pages, PAGE, ROUNDS))
          .append(table)
          .append(String.format(Locale.ROOT, "%nWatched / not watched: %.3f (%s) per round. %s%n%n",
              ratio, BenchmarkSuite.range(watchedRatio), memory));
      summary.add(new String[] {"7 stable listing watched for change / not watched",
          String.format(Locale.ROOT, "%.3f (%s); requests %d = %d", ratio, BenchmarkSuite.range(watchedRatio),
              requests.get(WATCHED), requests.get(UNWATCHED)),
          "same request count", sameRequests ? "met" : "missed"});
    }
  }

  /** The facade's strategy minus {@code idOf}: what a PandaDoc listing was before issue 16. */
  private static PagedIterable<PandaDocUser> unwatched(PandaDocClient client) {
    return client.paged("page", api -> PageNumberPaging.of(
        page -> api.listUsersWithHttpInfo(new PandaDocApi.ListUsersQueryParams().count(PAGE).page(page)),
        PAGE, ListUsersResponse::getResults, ListUsersResponse::getTotal));
  }

  private static long drain(PagedIterable<PandaDocUser> listing) {
    long n = 0;
    for (PandaDocUser user : listing) {
      n += user.getUserId() != null ? 1 : 0;
    }
    return n;
  }

  private static long countRequests(LoopbackServer server, Runnable listing) {
    long before = server.requests();
    listing.run();
    return server.requests() - before;
  }

  /** 1,000,000 PandaDoc users (22-character ids, all kept) through a JVM with -Xmx64m. */
  private static String memory(LoopbackServer server, List<String[]> summary) throws IOException, InterruptedException {
    MemoryProbe.Result probe = MemoryProbe.inChildJvm(server.pandadocBase(0, 1_000_000), "pandadoc");
    if (probe.users() != 1_000_000) {
      throw new IllegalStateException("the PandaDoc memory probe read " + probe.users() + " users");
    }
    double seconds = probe.seconds();
    double peakMb = probe.peakMb();
    summary.add(new String[] {"7 memory: 1,000,000 PandaDoc users, ids kept, -Xmx64m",
        String.format(Locale.ROOT, "peak after GC %.1f MB, %,.0f users/s", peakMb, 1e6 / seconds),
        "completes", "met"});
    return String.format(Locale.ROOT, "Memory: 1,000,000 PandaDoc users (22-character ids, every one kept "
        + "for repair) in 20,000 pages through the iterator in a JVM with `-Xmx64m`: done in %.1f s = %,.0f "
        + "users/s; peak used heap after GC %.1f MB over %s collections.", seconds, 1e6 / seconds,
        peakMb, probe.collections());
  }
}
