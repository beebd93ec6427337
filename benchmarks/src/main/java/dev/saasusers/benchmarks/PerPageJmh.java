package dev.saasusers.benchmarks;

import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.DatagridListUsersParams;
import dev.saasusers.datagrid.model.ListOrganizationUsers;
import dev.saasusers.datagrid.model.OrganizationUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Steady state with JMH: one Datagrid page of 100 users fetched and decoded per operation, by
 * the SDK (its iterator, default transport, no prefetch) and by raw HttpURLConnection, JDK
 * HttpClient and OkHttp with Jackson, each against its own loopback server in its own fork.
 * Each fork is a run; the ratio SDK / raw is taken per run index, and the spread over the runs
 * is reported. Run alone: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.saasusers.benchmarks.PerPageJmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1) // the SDK path is JIT-compiled only after ~8 s of pages
@Measurement(iterations = 5, time = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xmx512m"})
public class PerPageJmh {
  /** Far more users than any run reads, so a listing never ends inside a measurement. */
  private static final long USERS = 9_000_000_000L;
  static final String SDK = "SDK (default transport)";
  static final String RAW_HUC = "raw HttpURLConnection + Jackson";
  static final String RAW_JDK = "raw JDK HttpClient + Jackson";
  static final String RAW_OKHTTP = "raw OkHttp 5 + Jackson";

  private LoopbackServer server;
  private String base;
  private DatagridClient client;
  private Iterator<OrganizationUser> sdkUsers;
  private Candidates.PageCall rawHuc;
  private Candidates.PageCall rawJdk;
  private Candidates.PageCall rawOkHttp;
  private String after;

  /** Starts the server and the clients; pages are then read without end. */
  @Setup(Level.Trial)
  public void start() throws IOException {
    server = new LoopbackServer();
    base = server.datagridBase(0, USERS);
    client = DatagridClient.builder().apiKey(Candidates.API_KEY).baseUrl(base).build();
    sdkUsers = client.users().list(DatagridListUsersParams.defaults().withPageSize(Candidates.PAGE_SIZE))
        .prefetch(0).iterator();
    rawHuc = Candidates.rawUrlConnectionPage();
    rawJdk = Candidates.rawJdkPage();
    rawOkHttp = Candidates.rawOkHttpPage();
  }

  /** Stops the clients and the server. */
  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    server.close();
  }

  /**
   * One page through the SDK's iterator: a request every 100 items.
   *
   * @param sink keeps the items alive
   */
  @Benchmark
  public void sdk(Blackhole sink) {
    for (int i = 0; i < Candidates.PAGE_SIZE; i++) {
      sink.consume(sdkUsers.next());
    }
  }

  /** {@return one page through raw HttpURLConnection + Jackson} */
  @Benchmark
  public ListOrganizationUsers rawHttpUrlConnection() {
    return next(rawHuc);
  }

  /** {@return one page through the raw JDK HttpClient + Jackson} */
  @Benchmark
  public ListOrganizationUsers rawJdkHttpClient() {
    return next(rawJdk);
  }

  /** {@return one page through raw OkHttp + Jackson} */
  @Benchmark
  public ListOrganizationUsers rawOkHttp() {
    return next(rawOkHttp);
  }

  private ListOrganizationUsers next(Candidates.PageCall call) {
    ListOrganizationUsers page = call.page(base, after);
    List<OrganizationUser> data = page.getData();
    after = data.get(data.size() - 1).getId();
    return page;
  }

  /**
   * Runs the four benchmarks and prints the per-run figures.
   *
   * @param args ignored
   * @throws RunnerException when JMH cannot run
   */
  public static void main(String[] args) throws RunnerException {
    Figures figures = run();
    System.out.println(figures.table());
  }

  /** Microseconds a page per run (fork), by candidate, and the ratios derived from them. */
  record Figures(Map<String, List<Double>> microsPerRun) {
    List<Double> ratio(String numerator, String denominator) {
      List<Double> ratios = new ArrayList<>();
      List<Double> a = microsPerRun.get(numerator);
      List<Double> b = microsPerRun.get(denominator);
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        ratios.add(a.get(i) / b.get(i));
      }
      return ratios;
    }

    String table() {
      List<String[]> rows = new ArrayList<>();
      for (Map.Entry<String, List<Double>> e : microsPerRun.entrySet()) {
        rows.add(new String[] {e.getKey(), String.format(Locale.ROOT, "%.1f", BenchmarkSuite.median(e.getValue())),
            e.getValue().stream().map(v -> String.format(Locale.ROOT, "%.1f", v))
                .reduce((x, y) -> x + ", " + y).orElse(""),
            e.getKey().equals(SDK) ? "1.000" : ratioCell(ratio(SDK, e.getKey()))});
      }
      return BenchmarkSuite.markdownTable(new String[] {"client (Datagrid, 100 users a page)",
          "µs per page (median of runs)", "µs per page, each run", "SDK ÷ this (median, range over runs)"}, rows);
    }

    private static String ratioCell(List<Double> ratios) {
      return String.format(Locale.ROOT, "%.3f (%s)", BenchmarkSuite.median(ratios), BenchmarkSuite.range(ratios));
    }
  }

  static Figures run() throws RunnerException {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(PerPageJmh.class.getName() + "\\.").build()).run();
    Map<String, String> names = Map.of("sdk", SDK, "rawHttpUrlConnection", RAW_HUC,
        "rawJdkHttpClient", RAW_JDK, "rawOkHttp", RAW_OKHTTP);
    Map<String, List<Double>> micros = new LinkedHashMap<>();
    for (String method : List.of("sdk", "rawHttpUrlConnection", "rawJdkHttpClient", "rawOkHttp")) {
      for (RunResult result : results) {
        if (result.getParams().getBenchmark().endsWith("." + method)) {
          List<Double> perFork = new ArrayList<>();
          for (BenchmarkResult fork : result.getBenchmarkResults()) {
            perFork.add(fork.getPrimaryResult().getScore());
          }
          micros.put(names.get(method), perFork);
        }
      }
    }
    return new Figures(micros);
  }
}
