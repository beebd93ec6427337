package dev.saasusers.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.saasusers.common.paging.Page;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.DatagridListUsersParams;
import dev.saasusers.datagrid.model.ListOrganizationUsers;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.model.PandaDocUser;
import feign.Client;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs every figure of issues 8 and 12 against one loopback server, prints the tables and
 * writes them to {@code docs/BENCHMARKS.md}. Run from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar}. System properties: {@code rounds}
 * (paired rounds, default 5), {@code pages} (pages a steady round, default 2000),
 * {@code launches} (per transport cold start, default 3), {@code cli.launches} (per CLI
 * variant, default 5), and {@code figures}: a comma-separated subset of {@value #ALL_FIGURES}
 * to run only those, for example {@code -Dfigures=coldstart}; a subset prints its figures and
 * leaves {@code docs/BENCHMARKS.md} alone unless {@code benchmarks.doc} names a file.
 */
public final class BenchmarkSuite {
  private static final int ROUNDS = Integer.getInteger("rounds", 5);
  private static final int PAGES = Integer.getInteger("pages", 2000);
  private static final int LAUNCHES = Integer.getInteger("launches", 3);
  private static final int CLI_LAUNCHES = Integer.getInteger("cli.launches", 5);
  /** Names for {@code -Dfigures}; {@code transports} shows its table only with {@code steady}. */
  static final String ALL_FIGURES =
      "steady,jmh,blackbird,prefetch,async,parallel,memory,consistency,coldstart,transports";
  private static final java.util.Set<String> FIGURES = figures(System.getProperty("figures", ALL_FIGURES));
  private static final String RAW_JDK = "raw JDK HttpClient + Jackson";
  private static final String SERVER_ONLY = "server only (HttpURLConnection, body read, not decoded)";
  private static final String DEFAULT_TRANSPORT = "Feign default (HttpURLConnection)";
  private final StringBuilder report = new StringBuilder();
  private final List<String[]> summary = new ArrayList<>();

  private BenchmarkSuite() {
  }

  /**
   * Runs the figures chosen with {@code -Dfigures}, all by default.
   *
   * @param args ignored
   * @throws Exception when a figure cannot be measured
   */
  public static void main(String[] args) throws Exception {
    new BenchmarkSuite().run();
  }

  private void run() throws Exception {
    long suiteStart = System.nanoTime();
    String machine = Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    System.out.println("Machine: " + machine + "\nDate: " + date);
    try (LoopbackServer server = new LoopbackServer()) {
      Map<String, Double> steady = FIGURES.contains("steady") ? steadyState(server) : null;
      Double blackbird = FIGURES.contains("blackbird") ? blackbird() : null;
      if (FIGURES.contains("prefetch")) {
        prefetch(server);
      }
      if (FIGURES.contains("parallel")) {
        parallel(server);
      }
      if (FIGURES.contains("memory")) {
        memory(server);
      }
      if (FIGURES.contains("jmh")) {
        jmh();
      }
      if (FIGURES.contains("async")) {
        asyncPrefetch();
      }
      if (FIGURES.contains("consistency")) {
        ConsistencyFigures.run(server, report, summary);
      }
      if (FIGURES.contains("coldstart")) {
        cliColdStart(server);
      }
      if (FIGURES.contains("transports")) {
        Map<String, Double> cold = transportColdStart(server);
        if (steady != null) {
          transportTable(steady, cold);
        } else {
          cold.forEach((name, seconds) -> System.out.printf(Locale.ROOT,
              "cold start to first user, %s: %.0f ms%n", name, seconds * 1000));
        }
      }
      if (blackbird != null) {
        summary.add(new String[] {"Jackson Blackbird decode time / plain Jackson",
            String.format(Locale.ROOT, "%.3f", blackbird), "adopt if < 0.95",
            blackbird < 0.95 ? "helps: adopted in JsonMapper" : "does not help"});
      }
    }
    String table = markdownTable(new String[] {"figure", "measured", "target", "result"}, summary);
    System.out.println("\n" + table);
    double minutes = (System.nanoTime() - suiteStart) / 60e9;
    String doc = "# Benchmarks\n\nA real run of `java -jar benchmarks/target/benchmarks.jar` (see README).\n\n"
        + "- Machine: " + machine + "\n- Date: " + date + "\n"
        + String.format(Locale.ROOT, "- Suite wall time: %.1f min; %d paired rounds of %d pages, alternating order%n%n",
            minutes, ROUNDS, PAGES)
        + "## Summary\n\n" + table + "\n" + report;
    String docProperty = System.getProperty("benchmarks.doc");
    if (docProperty == null && !FIGURES.equals(figures(ALL_FIGURES))) {
      // A subset would replace the whole file with a part of it.
      System.out.println("Ran " + FIGURES + " only; docs/BENCHMARKS.md left as it was");
      return;
    }
    Path out = Path.of(docProperty != null ? docProperty : "docs/BENCHMARKS.md");
    Files.createDirectories(out.toAbsolutePath().getParent());
    // The handwritten notes at the end (from "## Notes") survive a new run.
    if (Files.exists(out)) {
      String old = Files.readString(out);
      int notes = old.indexOf("\n## Notes");
      if (notes >= 0) {
        doc = doc + old.substring(notes);
      }
    }
    Files.writeString(out, doc);
    System.out.println("Wrote " + out.toAbsolutePath());
  }

  // ---- 1, 6 and issue 12: steady state, paired rounds --------------------------------------

  private Map<String, Double> steadyState(LoopbackServer server) {
    Map<String, Candidates.Lister> candidates = new LinkedHashMap<>();
    candidates.put(SERVER_ONLY, Candidates.serverOnly());
    candidates.put(RAW_JDK, Candidates.rawJdk());
    candidates.put("raw OkHttp 5 + Jackson", Candidates.rawOkHttp());
    candidates.put("raw HttpURLConnection + Jackson", Candidates.rawUrlConnection());
    for (Map.Entry<String, Supplier<Client>> t : Candidates.transports().entrySet()) {
      candidates.put("SDK on " + t.getKey(), Candidates.sdk(t.getValue().get()));
    }
    Supplier<Client> defaultTransport = Candidates.transports().get(DEFAULT_TRANSPORT);
    candidates.put("SDK Feign layers only (retry, auth, errors; no paging)",
        Candidates.sdkFeignLayers(defaultTransport.get()));
    candidates.put("plain Feign + Jackson decoder (no retry/auth layers)",
        Candidates.plainFeign(defaultTransport.get()));
    String base = server.datagridBase(0, (long) PAGES * Candidates.PAGE_SIZE);
    List<String> names = new ArrayList<>(candidates.keySet());
    // Warm-up: one full round each, twice.
    for (int w = 0; w < 2; w++) {
      for (String name : names) {
        candidates.get(name).listAll(base);
      }
    }
    Map<String, List<Double>> millisPerPage = new LinkedHashMap<>();
    Map<String, List<Double>> ratioToRaw = new LinkedHashMap<>();
    names.forEach(n -> {
      millisPerPage.put(n, new ArrayList<>());
      ratioToRaw.put(n, new ArrayList<>());
    });
    for (int round = 0; round < ROUNDS; round++) {
      List<String> order = roundOrder(names, round);
      Map<String, Double> thisRound = new LinkedHashMap<>();
      for (String name : order) {
        long start = System.nanoTime();
        long users = candidates.get(name).listAll(base);
        double ms = (System.nanoTime() - start) / 1e6 / PAGES;
        if (users != (long) PAGES * Candidates.PAGE_SIZE) {
          throw new IllegalStateException(name + " read " + users + " users");
        }
        thisRound.put(name, ms);
      }
      for (String name : names) {
        millisPerPage.get(name).add(thisRound.get(name));
        ratioToRaw.get(name).add(thisRound.get(name) / thisRound.get(RAW_JDK));
      }
      System.out.printf(Locale.ROOT, "steady round %d/%d done%n", round + 1, ROUNDS);
    }
    candidates.values().forEach(Candidates.Lister::close);
    Map<String, Double> medianRatio = new LinkedHashMap<>();
    List<String[]> rows = new ArrayList<>();
    for (String name : names) {
      double ms = median(millisPerPage.get(name));
      double ratio = median(ratioToRaw.get(name));
      medianRatio.put(name, ms);
      rows.add(new String[] {name, String.format(Locale.ROOT, "%.3f", ms),
          String.format(Locale.ROOT, "%.3f", ratio), range(ratioToRaw.get(name))});
    }
    String table = markdownTable(new String[] {"client (Datagrid, 100 users a page)", "ms per page (median)",
        "÷ raw JDK (median of paired rounds)", "ratio range"}, rows);
    System.out.println("\n" + table);
    report.append("## Steady state per page (figures 1 and 6, issue 12)\n\n")
        .append(String.format(Locale.ROOT, "%d pages of 100 Datagrid users a round, %d paired rounds in alternating "
            + "order after two warm-up rounds; SDK iterates sequentially with `.prefetch(0)`. The ratio is "
            + "taken per round, then the median.%n%n", PAGES, ROUNDS))
        .append(table).append('\n');
    double sdkDefault = median(ratioToRaw.get("SDK on " + DEFAULT_TRANSPORT));
    double sdkJdk = median(ratioToRaw.get("SDK on feign-java11 (JDK HttpClient)"));
    summary.add(new String[] {"1 SDK (default transport) / raw JDK HttpClient + Jackson",
        String.format(Locale.ROOT, "%.3f (%.3f vs %.3f ms/page)", sdkDefault,
            median(millisPerPage.get("SDK on " + DEFAULT_TRANSPORT)), median(millisPerPage.get(RAW_JDK))),
        "≤ 1.05 (issue 12: < 0.85)", sdkDefault <= 1.05 ? "met" : "missed"});
    summary.add(new String[] {"1b SDK on feign-java11 / raw JDK HttpClient + Jackson",
        String.format(Locale.ROOT, "%.3f", sdkJdk), "≤ 1.05", sdkJdk <= 1.05 ? "met" : "missed"});
    List<Double> layerRatio = new ArrayList<>();
    List<Double> layers = millisPerPage.get("SDK Feign layers only (retry, auth, errors; no paging)");
    List<Double> plain = millisPerPage.get("plain Feign + Jackson decoder (no retry/auth layers)");
    for (int i = 0; i < layers.size(); i++) {
      layerRatio.add(layers.get(i) / plain.get(i));
    }
    summary.add(new String[] {"6 retry+auth+error layers / plain Feign (same transport)",
        String.format(Locale.ROOT, "%.3f (%s)", median(layerRatio), range(layerRatio)), "none (report)", "reported"});
    summary.add(new String[] {"server-only floor (no decode)",
        String.format(Locale.ROOT, "%.3f ms/page", median(millisPerPage.get(SERVER_ONLY))), "not the bottleneck",
        String.format(Locale.ROOT, "%.0f%% of raw JDK", 100 * median(ratioToRaw.get(SERVER_ONLY)))});
    return medianRatio;
  }

  // ---- issue 20: JMH steady state, async prefetch -----------------------------------------

  private void jmh() throws org.openjdk.jmh.runner.RunnerException {
    PerPageJmh.Figures figures = PerPageJmh.run();
    String table = figures.table();
    System.out.println("\n" + table);
    report.append("## Steady state per page with JMH (issue 20)\n\n")
        .append("`PerPageJmh`: one Datagrid page of 100 users per operation, average time, 10 warm-up and "
            + "5 measured iterations of 1 s in each of 5 forks (runs), each candidate in its own forks "
            + "against its own loopback server. The SDK iterates with `.prefetch(0)` on its default "
            + "transport. Ratios are taken per run index, then the median and the range over the runs.\n\n")
        .append(table).append('\n');
    for (String[] target : new String[][] {{PerPageJmh.RAW_HUC, "1.00"}, {PerPageJmh.RAW_JDK, "0.80"}}) {
      List<Double> ratios = figures.ratio(PerPageJmh.SDK, target[0]);
      double median = median(ratios);
      summary.add(new String[] {"issue 20: SDK / " + target[0] + " (JMH, per page)",
          String.format(Locale.ROOT, "%.3f (%s over %d runs)", median, range(ratios), ratios.size()),
          "≤ " + target[1], median <= Double.parseDouble(target[1]) ? "met" : "missed"});
    }
  }

  private void asyncPrefetch() throws Exception {
    List<Double> ratios = AsyncPrefetchBenchmark.ratios();
    double median = median(ratios);
    report.append("## Async prefetch (issue 20)\n\n").append(String.format(Locale.ROOT,
        "`AsyncPrefetchBenchmark`: %d pages, 20 ms server + 20 ms consumer a page, %d paired rounds of "
            + "one page at a time against one page ahead: speed-up median %.2f× (%s).%n%n",
        AsyncPrefetchBenchmark.PAGES, ratios.size(), median, range(ratios)));
    summary.add(new String[] {"issue 20: async prefetch speed-up (20 ms + 20 ms a page)",
        String.format(Locale.ROOT, "%.2f× (%s)", median, range(ratios)), "≥ 1.8×",
        median >= 1.8 ? "met" : "missed"});
  }

  // ---- Blackbird -----------------------------------------------------------------------------

  private double blackbird() throws Exception {
    byte[] page;
    try (LoopbackServer server = new LoopbackServer()) {
      page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          server.datagridBase(0, 1000) + "/organization/users?limit=100")).build(),
          HttpResponse.BodyHandlers.ofByteArray()).body();
    }
    ObjectMapper plain = Candidates.plainJackson();
    ObjectMapper blackbird = Candidates.plainJackson().registerModule(new BlackbirdModule());
    int decodes = 20_000;
    for (int w = 0; w < 3; w++) {
      decode(plain, page, decodes);
      decode(blackbird, page, decodes);
    }
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < 9; round++) {
      double a;
      double b;
      if (round % 2 == 0) {
        a = decode(plain, page, decodes);
        b = decode(blackbird, page, decodes);
      } else {
        b = decode(blackbird, page, decodes);
        a = decode(plain, page, decodes);
      }
      ratios.add(b / a);
    }
    double ratio = median(ratios);
    report.append("## Jackson Blackbird (issue 12)\n\n").append(String.format(Locale.ROOT,
        "Decoding one 100-user Datagrid page (%d bytes) %d times, 9 paired rounds: Blackbird / plain = %.3f (%s).%n%n",
        page.length, decodes, ratio, range(ratios)));
    return ratio;
  }

  private static double decode(ObjectMapper mapper, byte[] page, int times) throws IOException {
    long start = System.nanoTime();
    long n = 0;
    for (int i = 0; i < times; i++) {
      n += mapper.readValue(page, ListOrganizationUsers.class).getData().size();
    }
    if (n != (long) times * 100) {
      throw new IllegalStateException("decoded " + n);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  // ---- 3 prefetch ----------------------------------------------------------------------------

  private void prefetch(LoopbackServer server) throws InterruptedException {
    String base = server.datagridBase(20, 10_000);
    try (DatagridClient client = DatagridClient.builder().apiKey(Candidates.API_KEY).baseUrl(base).build()) {
      consumePages(client, 0, 0); // warm-up of connection and classes
      double sequential = consumePages(client, 0, 20);
      double ahead = consumePages(client, 1, 20);
      double speedup = sequential / ahead;
      report.append("## Prefetch (figure 3)\n\n").append(String.format(Locale.ROOT,
          "100 pages, server 20 ms a page, consumer 20 ms a page: sequential %.2f s, prefetch(1) %.2f s, speed-up %.2f×.%n%n",
          sequential, ahead, speedup));
      summary.add(new String[] {"3 prefetch speed-up (20 ms server + 20 ms consumer, 100 pages)",
          String.format(Locale.ROOT, "%.2f× (%.2f s → %.2f s)", speedup, sequential, ahead), "≥ 1.8×",
          speedup >= 1.8 ? "met" : "missed"});
    }
  }

  private static double consumePages(DatagridClient client, int prefetch, int consumerMillis)
      throws InterruptedException {
    long start = System.nanoTime();
    int pages = 0;
    for (Page<OrganizationUser> page : client.users().list(DatagridListUsersParams.defaults().withPageSize(100))
        .prefetch(prefetch).pages()) {
      pages += page.items().isEmpty() ? 0 : 1;
      if (consumerMillis > 0) {
        Thread.sleep(consumerMillis);
      }
    }
    if (pages != 100) {
      throw new IllegalStateException("pages " + pages);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  // ---- 4 parallel pages ----------------------------------------------------------------------

  private void parallel(LoopbackServer server) {
    String base = server.pandadocBase(50, 10_000);
    try (PandaDocClient client = PandaDocClient.builder().apiKey("pd_bench_key").baseUrl(base).build()) {
      listPandaDoc(client, 8); // warm-up
      double sequential = listPandaDoc(client, 1);
      double parallel = listPandaDoc(client, 8);
      double speedup = sequential / parallel;
      report.append("## Parallel pages (figure 4)\n\n").append(String.format(Locale.ROOT,
          "PandaDoc, 10,000 users in 200 pages of 50, 50 ms server latency: sequential %.2f s, 8 in flight %.2f s, "
              + "speed-up %.2f×.%n%n", sequential, parallel, speedup));
      summary.add(new String[] {"4 PandaDoc parallel pages (200 × 50 ms, 8 in flight)",
          String.format(Locale.ROOT, "%.2f× (%.2f s → %.2f s)", speedup, sequential, parallel), "≥ 6×",
          speedup >= 6 ? "met" : "missed"});
    }
  }

  private static double listPandaDoc(PandaDocClient client, int inFlight) {
    long start = System.nanoTime();
    long n = 0;
    for (PandaDocUser u : client.users().list(dev.saasusers.pandadoc.PandaDocListUsersParams.defaults()
        .withPageSize(50)).parallelism(inFlight)) {
      n += u.getUserId() != null ? 1 : 0;
    }
    if (n != 10_000) {
      throw new IllegalStateException("users " + n);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  // ---- 2 memory ------------------------------------------------------------------------------

  private void memory(LoopbackServer server) throws IOException, InterruptedException {
    MemoryProbe.Result probe = MemoryProbe.inChildJvm(server.datagridBase(0, 1_000_000));
    long users = probe.users();
    double seconds = probe.seconds();
    double peakMb = probe.peakMb();
    report.append("## Memory (figure 2)\n\n").append(String.format(Locale.ROOT,
        "1,000,000 users in 10,000 pages through the iterator (default prefetch) in a JVM with `-Xmx64m`: "
            + "%,d users in %.1f s = %,.0f users/s; peak used heap after GC %.1f MB over %s collections.%n%n",
        users, seconds, users / seconds, peakMb, probe.collections()));
    summary.add(new String[] {"2 memory: 1,000,000 users with -Xmx64m",
        String.format(Locale.ROOT, "peak after GC %.1f MB, %,.0f users/s", peakMb, users / seconds),
        "completes", users == 1_000_000 ? "met" : "missed"});
  }

  // ---- 5 CLI cold start ----------------------------------------------------------------------

  private void cliColdStart(LoopbackServer server) throws IOException, InterruptedException {
    File jar = new File(System.getProperty("cli.jar", "cli/target/users-cli.jar"));
    if (!jar.isFile()) {
      summary.add(new String[] {"5 CLI cold start", "skipped: " + jar + " missing", "report", "-"});
      return;
    }
    // The launcher beside the jar uses the AppCDS archive the build dumped there (issue 20).
    File launcher = new File(jar.getParentFile(), "users-cli");
    File archive = new File(jar.getParentFile(), "users-cli.jsa");
    boolean withArchive = launcher.canExecute() && archive.isFile();
    List<String> plainCommand = List.of(javaBin(), "-jar", jar.getPath(), "list", "datagrid");
    List<String> archiveCommand = List.of(launcher.getPath(), "list", "datagrid");
    String base = server.datagridBase(0, 100);
    List<Double> first = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    List<Double> firstCds = new ArrayList<>();
    List<Double> totalCds = new ArrayList<>();
    // One discarded launch of each warms the page cache; then pairs in alternating order.
    timeLaunch(plainCommand, base, null);
    if (withArchive) {
      timeLaunch(archiveCommand, base, null);
    }
    for (int i = 0; i < CLI_LAUNCHES; i++) {
      boolean archiveFirst = withArchive && i % 2 == 1;
      if (archiveFirst) {
        add(timeLaunch(archiveCommand, base, null), firstCds, totalCds);
      }
      add(timeLaunch(plainCommand, base, null), first, total);
      if (withArchive && !archiveFirst) {
        add(timeLaunch(archiveCommand, base, null), firstCds, totalCds);
      }
    }
    // The JVM's own floor: start and exit with no application class.
    List<Double> jvmFloor = new ArrayList<>();
    for (int i = 0; i < CLI_LAUNCHES; i++) {
      long start = System.nanoTime();
      Process p = new ProcessBuilder(javaBin(), "-version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
      jvmFloor.add((System.nanoTime() - start) / 1e9);
    }
    // Where the start-up goes: classes loaded, by library, and with the archive by source.
    Map<String, Integer> byLibrary = new TreeMap<>();
    int totalClasses = classLoads(plainCommand, base, null, (cls, line) ->
        byLibrary.merge(library(cls, line.contains("shared objects file")), 1, Integer::sum));
    Map<String, Integer> bySource = new TreeMap<>();
    int totalCdsClasses = withArchive ? classLoads(archiveCommand, base, "JAVA_OPTS", (cls, line) ->
        bySource.merge(source(line), 1, Integer::sum)) : 0;
    List<Map.Entry<String, Integer>> top = byLibrary.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8).collect(Collectors.toList());
    String classes = top.stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    String sources = bySource.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    report.append("## CLI cold start (figure 5)\n\n").append(String.format(Locale.ROOT,
        "`list datagrid` against the loopback server with 100 users, %d launches of each variant after one "
            + "discarded, in alternating order:%n%n", CLI_LAUNCHES));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"`java -jar cli/target/users-cli.jar`", ms(median(first)), msRange(first),
        ms(median(total)), String.valueOf(totalClasses)});
    if (withArchive) {
      rows.add(new String[] {"`cli/target/users-cli` (launcher, AppCDS archive)", ms(median(firstCds)),
          msRange(firstCds), ms(median(totalCds)), String.valueOf(totalCdsClasses)});
    }
    report.append(markdownTable(new String[] {"launch", "first user, ms (median)", "min–max", "exit, ms (median)",
        "classes loaded"}, rows)).append('\n').append(String.format(Locale.ROOT,
        "JVM floor (`java -version`): %.0f ms. Classes loaded without the archive (%d in all), by library: %s.%n%n",
        median(jvmFloor) * 1000, totalClasses, classes));
    if (withArchive) {
      report.append(String.format(Locale.ROOT, "With the archive (%d classes), by where they came from: %s.%n%n",
          totalCdsClasses, sources));
    } else {
      report.append("No archive variant: build `cli` (package) to get `cli/target/users-cli` and `users-cli.jsa`.\n\n");
    }
    String plain = String.format(Locale.ROOT, "first user %s ms (%s), total %s ms (JVM floor %.0f ms); %d classes",
        ms(median(first)), msRange(first), ms(median(total)), median(jvmFloor) * 1000, totalClasses);
    summary.add(new String[] {"5 CLI cold start, 100 users: java -jar", plain, "report", "reported"});
    if (withArchive) {
      double cds = median(firstCds);
      summary.add(new String[] {"5 CLI cold start, 100 users: launcher with AppCDS",
          String.format(Locale.ROOT, "first user %s ms (%s), total %s ms; %d classes, %d from the archive",
              ms(cds), msRange(firstCds), ms(median(totalCds)), totalCdsClasses,
              bySource.getOrDefault("AppCDS archive", 0)),
          "≤ 250 ms (issue 20)", cds <= 0.25 ? "met" : "missed"});
    } else {
      summary.add(new String[] {"5 CLI cold start: launcher with AppCDS", "skipped: " + archive + " missing",
          "≤ 250 ms (issue 20)", "-"});
    }
  }

  private static void add(double[] launch, List<Double> first, List<Double> total) {
    first.add(launch[0]);
    total.add(launch[1]);
  }

  private static String ms(double seconds) {
    return String.format(Locale.ROOT, "%.0f", seconds * 1000);
  }

  private static String msRange(List<Double> seconds) {
    return String.format(Locale.ROOT, "%.0f–%.0f", Collections.min(seconds) * 1000, Collections.max(seconds) * 1000);
  }

  /**
   * Runs one launch with {@code -Xlog:class+load} (as an option, or in the environment variable
   * {@code optionsVariable} for the launcher) and hands each loaded class to {@code each}.
   *
   * @return classes loaded
   */
  private static int classLoads(List<String> command, String base, String optionsVariable,
      java.util.function.BiConsumer<String, String> each) throws IOException, InterruptedException {
    Path log = Files.createTempFile("cli-classload", ".log");
    String option = "-Xlog:class+load=info:file=" + log;
    List<String> logged = new ArrayList<>(command);
    if (optionsVariable == null) {
      logged.add(1, option);
    }
    timeLaunch(logged, base, null, optionsVariable == null ? Map.of() : Map.of(optionsVariable, option));
    int count = 0;
    for (String line : Files.readAllLines(log)) {
      int open = line.indexOf("] ");
      int space = line.indexOf(' ', open + 2);
      if (open < 0 || space < 0) {
        continue;
      }
      count++;
      each.accept(line.substring(open + 2, space), line);
    }
    Files.deleteIfExists(log);
    return count;
  }

  /** Where a class came from, by its {@code -Xlog:class+load} line. */
  private static String source(String line) {
    if (line.contains("shared objects file (top)")) {
      return "AppCDS archive";
    }
    if (line.contains("shared objects file")) {
      return "JDK CDS archive";
    }
    if (line.contains("source: file:") || line.contains("source: jar:")) {
      return "jar";
    }
    if (line.contains("source: jrt:")) {
      return "JDK modules";
    }
    return "made at run time (proxies, lambda forms, reflection)";
  }

  private static String library(String cls, boolean cds) {
    String[] prefixes = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "picocli.", "feign.", "okhttp3.", "okio.",
        "kotlin.", "com.fasterxml.jackson.", "org.openapitools.", "org.slf4j.", "dev.saasusers.", "org.apache.hc.",
        "com.github.tomakehurst.", "org.eclipse.jetty."};
    for (String p : prefixes) {
      if (cls.startsWith(p)) {
        String lib = p.equals("javax.") || p.equals("sun.") || p.equals("com.sun.") || p.equals("jdk.") ? "java." : p;
        return lib + "*" + (lib.equals("java.") ? (cds ? " (CDS)" : " (not CDS)") : "");
      }
    }
    int dot = cls.lastIndexOf('.');
    return dot < 0 ? cls : cls.substring(0, Math.min(dot, cls.indexOf('.', cls.indexOf('.') + 1) < 0 ? dot
        : cls.indexOf('.', cls.indexOf('.') + 1))) + ".*";
  }

  /** {@return seconds to the first line (user or FIRST) and to exit} */
  private static double[] timeLaunch(List<String> command, String base, String marker)
      throws IOException, InterruptedException {
    return timeLaunch(command, base, marker, Map.of());
  }

  private static double[] timeLaunch(List<String> command, String base, String marker,
      Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    // The launcher runs $JAVA_HOME/bin/java: the JVM of this suite, which the archive was made with
    // when both come from the same build. No JAVA_OPTS of the caller's.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(environment);
    builder.environment().put("DATAGRID_API_KEY", Candidates.API_KEY);
    builder.environment().put("DATAGRID_BASE_URL", base);
    long start = System.nanoTime();
    Process process = builder.start();
    double first = -1;
    List<String> seen = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (first < 0 && (marker == null ? line.contains("usr_") : line.equals(marker))) {
          first = (System.nanoTime() - start) / 1e9;
        }
        if (seen.size() < 5) {
          seen.add(line);
        }
      }
    }
    int exit = process.waitFor();
    double total = (System.nanoTime() - start) / 1e9;
    if (exit != 0 || first < 0) {
      throw new IllegalStateException("launch failed (" + exit + "): " + command + " printed " + seen);
    }
    return new double[] {first, total};
  }

  // ---- issue 12: cold start per transport ----------------------------------------------------

  private Map<String, Double> transportColdStart(LoopbackServer server) throws IOException, InterruptedException {
    String base = server.datagridBase(0, 100);
    Map<String, String> probes = new LinkedHashMap<>();
    probes.put(RAW_JDK, "raw-jdk");
    probes.put("raw OkHttp 5 + Jackson", "raw-okhttp");
    probes.put("raw HttpURLConnection + Jackson", "raw-urlconnection");
    for (String t : Candidates.transports().keySet()) {
      probes.put("SDK on " + t, "sdk:" + t);
    }
    List<String> names = new ArrayList<>(probes.keySet());
    Map<String, List<Double>> firstUser = new LinkedHashMap<>();
    names.forEach(n -> firstUser.put(n, new ArrayList<>()));
    timeLaunch(javaCommand(null, ColdStartProbe.class.getName(), probes.get(RAW_JDK), base), base, "FIRST");
    for (int launch = 0; launch < LAUNCHES; launch++) {
      List<String> order = new ArrayList<>(names);
      if (launch % 2 == 1) {
        Collections.reverse(order);
      }
      for (String name : order) {
        firstUser.get(name).add(timeLaunch(
            javaCommand(null, ColdStartProbe.class.getName(), probes.get(name), base), base, "FIRST")[0]);
      }
    }
    Map<String, Double> result = new LinkedHashMap<>();
    names.forEach(n -> result.put(n, median(firstUser.get(n))));
    return result;
  }

  private void transportTable(Map<String, Double> steady, Map<String, Double> cold) {
    Map<String, String[]> deps = new LinkedHashMap<>();
    deps.put("feign-java11", new String[] {"feign-java11"});
    deps.put("feign-okhttp", new String[] {"feign-okhttp", "okhttp-jvm", "okio-jvm", "kotlin-stdlib"});
    deps.put("feign-hc5", new String[] {"feign-hc5", "httpclient5", "httpcore5"});
    deps.put("Feign default", new String[0]);
    deps.put("raw OkHttp", new String[] {"okhttp-jvm", "okio-jvm", "kotlin-stdlib"});
    File lib = libDirectory();
    List<String[]> rows = new ArrayList<>();
    double rawJdk = steady.get(RAW_JDK);
    for (String name : cold.keySet()) {
      String depKey = deps.keySet().stream().filter(k -> name.contains(k)).findFirst().orElse(null);
      String size = depKey == null ? "0 (JDK)" : kb(lib, deps.get(depKey));
      rows.add(new String[] {name, String.format(Locale.ROOT, "%.3f", steady.get(name)),
          String.format(Locale.ROOT, "%.3f", steady.get(name) / rawJdk),
          String.format(Locale.ROOT, "%.0f", cold.get(name) * 1000), size});
    }
    String table = markdownTable(new String[] {"client", "steady ms/page", "÷ raw JDK (ratio of medians)",
        "cold start to first user, ms (median of " + LAUNCHES + ")", "dependency size added"}, rows);
    System.out.println("\n" + table);
    report.append("## Transports (issue 12)\n\n").append("Steady figures from the paired rounds above; cold start "
        + "is a fresh JVM (`ColdStartProbe`) listing a 100-user Datagrid page, launches in alternating order. "
        + "The default transport is `" + DEFAULT_TRANSPORT + "`.\n\n").append(table).append('\n');
    String sdkDefault = "SDK on " + DEFAULT_TRANSPORT;
    summary.add(new String[] {"issue 12: SDK default cold start to first user",
        String.format(Locale.ROOT, "%.0f ms", cold.get(sdkDefault) * 1000), "≤ 750 ms",
        cold.get(sdkDefault) <= 0.75 ? "met" : "missed"});
  }

  private static String kb(File lib, String[] prefixes) {
    if (lib == null) {
      return "?";
    }
    long bytes = 0;
    List<String> found = new ArrayList<>();
    for (File jar : lib.listFiles()) {
      for (String p : prefixes) {
        if (jar.getName().startsWith(p + "-") && Character.isDigit(jar.getName().charAt(p.length() + 1))) {
          bytes += jar.length();
          found.add(jar.getName());
        }
      }
    }
    return found.isEmpty() ? "0 (JDK)" : String.format(Locale.ROOT, "%,d KB (%s)", bytes / 1024, String.join(", ", found));
  }

  private static File libDirectory() {
    try {
      File jar = new File(BenchmarkSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      File lib = new File(jar.getParentFile(), "lib");
      return lib.isDirectory() ? lib : null;
    } catch (Exception e) {
      return null;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static java.util.Set<String> figures(String list) {
    java.util.Set<String> known = new java.util.LinkedHashSet<>(Arrays.asList(ALL_FIGURES.split(",")));
    java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
    for (String name : list.split(",")) {
      String n = name.trim();
      if (!known.contains(n)) {
        throw new IllegalArgumentException("unknown figure '" + n + "'; known: " + ALL_FIGURES);
      }
      chosen.add(n);
    }
    return chosen;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static List<String> javaCommand(String jvmOption, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBin());
    if (jvmOption != null) {
      command.add(jvmOption);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** {@return the candidates in the order of a paired round: as given, then reversed, in turn} */
  static List<String> roundOrder(List<String> names, int round) {
    List<String> order = new ArrayList<>(names);
    if (round % 2 == 1) {
      Collections.reverse(order);
    }
    return order;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String range(List<Double> values) {
    return String.format(Locale.ROOT, "%.3f–%.3f", Collections.min(values), Collections.max(values));
  }

  static String markdownTable(String[] header, List<String[]> rows) {
    StringBuilder sb = new StringBuilder("| " + String.join(" | ", header) + " |\n|");
    for (int i = 0; i < header.length; i++) {
      sb.append("---|");
    }
    sb.append('\n');
    for (String[] row : rows) {
      sb.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return sb.toString();
  }
}
