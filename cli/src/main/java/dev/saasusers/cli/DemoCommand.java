package dev.saasusers.cli;

import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.polytomic.PolytomicClient;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code users-cli demo}: starts the four fake vendors on loopback and lists their users through
 * the SDK, with one rate limit on the way. Needs no credentials and no network.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Lists the users of four in-process fake vendors through the SDK.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  UsersCli cli;

  @Option(names = "--users", defaultValue = "120", description = "Users per vendor (default ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--show", defaultValue = "3", description = "Users shown per vendor (default ${DEFAULT-VALUE}).")
  int show;

  @Override
  public Integer call() {
    PrintStream out = cli.out;
    List<String> summary = new ArrayList<>();
    RowWriter table = RowWriter.of(RowWriter.Format.TABLE,
        Columns.resolve(Vendor.DATAGRID, null, Columns.TABLE_DEFAULT), false,
        new PrintStreamWriter(out));
    table.start();
    try (FakePolytomic polytomic = FakePolytomic.start(users);
        FakeDatagrid datagrid = FakeDatagrid.start(users);
        FakePandaDoc pandadoc = FakePandaDoc.start(users);
        FakePodero podero = FakePodero.start(users)) {
      datagrid.faults().next(FakeFault.RATE_LIMITED);
      PageCounter counter = new PageCounter(out);
      List<VendorClient<?, ?, ?, ?>> clients = List.of(
          PolytomicClient.builder().baseUrl(polytomic.baseUrl()).apiKey(polytomic.apiKey())
              .orgId(polytomic.orgId().toString()).addListener(counter).build(),
          DatagridClient.builder().baseUrl(datagrid.baseUrl()).apiKey(datagrid.apiKey())
              .addListener(counter).build(),
          PandaDocClient.builder().baseUrl(pandadoc.baseUrl()).apiKey(pandadoc.apiKey())
              .addListener(counter).build(),
          PoderoClient.builder().baseUrl(podero.baseUrl())
              .clientCredentials(podero.clientId(), podero.clientSecret())
              .orgId(podero.orgId().toString()).addListener(counter).build());
      for (VendorClient<?, ?, ?, ?> client : clients) {
        try (client) {
          counter.pages.set(0);
          long start = System.nanoTime();
          int count = 0;
          for (DirectoryUser user : client.directoryUsers()) {
            if (count++ < show) {
              table.write(new UserRow(null, user));
            }
          }
          long millis = (System.nanoTime() - start) / 1_000_000;
          summary.add(String.format("%-9s  %,6d users  %4d pages  %6d ms", client.vendorId(), count,
              counter.pages.get(), millis));
        }
      }
    }
    out.println();
    summary.forEach(out::println);
    table.flush();
    return 0;
  }

  /** Counts pages and prints each retry, so the demo shows the 429 being handled. */
  private static final class PageCounter implements ClientListener {
    final AtomicInteger pages = new AtomicInteger();
    private final PrintStream out;

    PageCounter(PrintStream out) {
      this.out = out;
    }

    @Override
    public void onPageDelivered(PageDelivered event) {
      pages.incrementAndGet();
    }

    @Override
    public void onRetryScheduled(RetryScheduled event) {
      out.printf("  (%s: %s, retrying in %d ms%s)%n", event.vendor(), event.cause(),
          event.delay().toMillis(), event.fromRetryAfter() ? " as Retry-After asked" : "");
    }
  }
}
