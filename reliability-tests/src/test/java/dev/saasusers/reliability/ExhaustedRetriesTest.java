package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.http.ApiException;
import dev.saasusers.common.http.ApiIoException;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fault that outlasts the retries ends the listing with a typed exception that carries a
 * checkpoint; resuming from it, through the SDK or {@code users-cli --resume}, completes the
 * listing with no user lost or repeated.
 */
@ExtendWith(SuiteLedger.class)
class ExhaustedRetriesTest {
  private static final int MAX_RETRIES = 2;

  @Test
  void datagridFailsWithCheckpointAndResumeCompletes() {
    try (FakeDatagrid fake = FakeDatagrid.start(1_000);
        DatagridClient client = SuiteClients.datagrid(fake).maxRetries(MAX_RETRIES).build()) {
      fake.faults().alwaysAfter(4, FakeFault.SERVICE_UNAVAILABLE);
      PagedIterable<OrganizationUser> users = client.users().list(
          dev.saasusers.datagrid.DatagridListUsersParams.defaults().withPageSize(100)).prefetch(0);
      List<String> ids = new ArrayList<>();
      SdkException failure = drain(users.iterator(), OrganizationUser::getId, ids);
      SuiteLedger.exception("Datagrid exhausted retries", failure);

      ApiException api = assertInstanceOf(ApiException.class, failure);
      assertEquals(503, api.statusCode());
      assertTrue(failure.getMessage().contains("Datagrid") && failure.getMessage().contains("503"),
          failure.getMessage());
      assertEquals(400, ids.size(), "the four pages before the outage");
      assertEquals(4 + 1 + MAX_RETRIES, fake.requestCount(), "four pages, then the first try and its retries");
      String checkpoint = failure.checkpoint().orElseThrow();

      SuiteLedger.faultsOf(fake);
      fake.faults().clear();
      users.resumeFrom(checkpoint).forEach(u -> ids.add(u.getId()));
      SuiteLedger.checkUsers("Datagrid resumed after exhausted retries", ids, fake.userIds());
    }
  }

  @Test
  void pandaDocParallelFailsWithCheckpointAndResumeCompletes() {
    try (FakePandaDoc fake = FakePandaDoc.start(1_000);
        PandaDocClient client = SuiteClients.pandaDoc(fake).maxRetries(MAX_RETRIES).build()) {
      fake.faults().alwaysAfter(6, FakeFault.CONNECTION_RESET);
      PagedIterable<PandaDocUser> users = client.users().list(dev.saasusers.pandadoc.PandaDocListUsersParams
          .defaults().withPageSize(50)).parallelism(4);
      List<String> ids = new ArrayList<>();
      SdkException failure = drain(users.iterator(), PandaDocUser::getUserId, ids);
      SuiteLedger.exception("PandaDoc exhausted retries", failure);

      assertInstanceOf(ApiIoException.class, failure);
      assertTrue(failure.getMessage().contains("PandaDoc"), failure.getMessage());
      String checkpoint = failure.checkpoint().orElseThrow();
      assertEquals(0, ids.size() % 50, "whole pages delivered before the failure");

      SuiteLedger.faultsOf(fake);
      fake.faults().clear();
      users.resumeFrom(checkpoint).forEach(u -> ids.add(u.getUserId()));
      SuiteLedger.checkUsers("PandaDoc parallel resumed after exhausted retries", ids, fake.userIds());
    }
  }

  @Test
  void cliPrintsResumeCheckpointAndResumeCompletes() {
    try (FakeDatagrid fake = FakeDatagrid.start(1_000)) {
      fake.faults().alwaysAfter(3, FakeFault.BAD_GATEWAY);
      var env = SuiteClients.datagridEnv(fake);
      SuiteClients.CliRun failed = SuiteClients.cli(env,
          "list", "datagrid", "--format", "jsonl", "--page-size", "100", "--max-retries", "1");
      assertEquals(1, failed.exitCode(), failed.err());
      Matcher resume = Pattern.compile("--resume (\\S+)").matcher(failed.err());
      assertTrue(resume.find(), failed.err());
      assertTrue(failed.err().contains("502"), failed.err());
      List<String> ids = new ArrayList<>(VolumeUnderFaultsTest.idsOf(failed.out(), "id"));
      assertEquals(300, ids.size(), "the three pages before the outage");

      SuiteLedger.faultsOf(fake);
      fake.faults().clear();
      SuiteClients.CliRun resumed = SuiteClients.cli(env,
          "list", "datagrid", "--format", "jsonl", "--page-size", "100", "--resume", resume.group(1));
      assertEquals(0, resumed.exitCode(), resumed.err());
      ids.addAll(VolumeUnderFaultsTest.idsOf(resumed.out(), "id"));
      SuiteLedger.checkUsers("users-cli --resume", ids, fake.userIds());
    }
  }

  /** Iterates until the listing fails; the failure must be the SDK's own typed exception. */
  private static <T> SdkException drain(Iterator<T> it, java.util.function.Function<T, String> id, List<String> ids) {
    return assertThrows(SdkException.class, () -> {
      while (it.hasNext()) {
        ids.add(id.apply(it.next()));
      }
    });
  }
}
