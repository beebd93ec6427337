package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.testing.FakePandaDoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code users-cli list pandadoc} while 3 users are removed at the front between page 1 and
 * page 2 of 200 users: every user that existed for the whole listing is printed once, and one
 * line on stderr says what happened. Its own fake, since the test changes its directory.
 */
class DirectoryChangeCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private FakePandaDoc fake;

  @BeforeEach
  void start() {
    fake = FakePandaDoc.start(200);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private CliRun list(String... args) {
    List<String> all = new ArrayList<>(List.of("list", "pandadoc", "--format", "jsonl",
        "--page-size", "50"));
    all.addAll(List.of(args));
    return CliRun.of(Map.of("PANDADOC_API_KEY", fake.apiKey(), "PANDADOC_BASE_URL",
        fake.baseUrl()), all.toArray(String[]::new));
  }

  private static List<String> ids(CliRun run) {
    List<String> ids = new ArrayList<>();
    for (String line : run.outLines()) {
      try {
        ids.add(JSON.readTree(line).get("user_id").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ids;
  }

  @Test
  void verifyRepairsRemovalsAndAdditionsThatLeaveTheTotalUnchanged() {
    List<String> shifted = fake.userIds().subList(50, 53);
    fake.changeAfterRequest(1, () -> {
      fake.removeUsersAtFront(3);
      fake.appendUsers(3);
    });

    CliRun run = list("--verify");

    assertEquals(0, run.exitCode(), run::toString);
    List<String> ids = ids(run);
    assertEquals(new HashSet<>(ids).size(), ids.size(), "no user listed twice");
    assertTrue(ids.containsAll(shifted), "the users page 2 shifted past are listed");
    assertTrue(run.err().contains("note: the pandadoc directory changed during the listing"),
        run::toString);
  }

  @Test
  void verifyIsRefusedWhereChangeShiftsNothing() {
    CliRun run = CliRun.of(Map.of(), "list", "datagrid", "--verify");

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--verify applies only to pandadoc"), run::toString);
  }

  @ParameterizedTest(name = "parallel {0}")
  @CsvSource({"1", "4"})
  void usersRemovedBetweenPagesAreListedOnceAndTheRepairIsOneStderrLine(String parallel) {
    fake.changeAfterRequest(1, () -> fake.removeUsersAtFront(3));

    CliRun run = list("--parallel", parallel);

    assertEquals(0, run.exitCode(), run::toString);
    List<String> ids = ids(run);
    assertEquals(new HashSet<>(ids).size(), ids.size(), "no user listed twice");
    assertTrue(ids.containsAll(fake.currentUserIds()), "every user that stayed is listed");
    List<String> notes = run.err().lines().filter(l -> l.contains("directory changed")).toList();
    assertEquals(List.of("note: the pandadoc directory changed during the listing; 2 pages read"
        + " again, 3 users recovered, each user listed once"), notes, run::toString);
  }
}
