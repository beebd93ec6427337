package dev.saasusers.reliability;

import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakePandaDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One client shared by 16 threads, each listing every user: 16 complete, correct results. */
@ExtendWith(SuiteLedger.class)
class SharedClientConcurrencyTest {
  private static final int THREADS = 16;
  private static final int USERS = 2_000;

  @Test
  void sixteenThreadsOnOneDatagridClientEachGetEveryUser() throws Exception {
    try (FakeDatagrid fake = FakeDatagrid.start(USERS);
        DatagridClient client = SuiteClients.datagrid(fake).build()) {
      var users = client.users().list(dev.saasusers.datagrid.DatagridListUsersParams.defaults().withPageSize(100));
      inThreads("Datagrid shared by 16 threads", fake.userIds(),
          () -> users.stream().map(OrganizationUser::getId).toList());
    }
  }

  @Test
  void sixteenThreadsOnOnePandaDocClientListingInParallelEachGetEveryUser() throws Exception {
    try (FakePandaDoc fake = FakePandaDoc.start(USERS);
        PandaDocClient client = SuiteClients.pandaDoc(fake).build()) {
      var users = client.users().list(
          dev.saasusers.pandadoc.PandaDocListUsersParams.defaults().withPageSize(50)).parallelism(4);
      inThreads("PandaDoc parallel shared by 16 threads", fake.userIds(),
          () -> users.stream().map(PandaDocUser::getUserId).toList());
    }
  }

  private static void inThreads(String what, List<String> expected, Callable<List<String>> listing)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(pool.submit(listing));
      }
      for (int i = 0; i < THREADS; i++) {
        SuiteLedger.checkUsers(what + ", thread " + i, results.get(i).get(60, TimeUnit.SECONDS), expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
