package dev.saasusers.pandadoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.paging.Consistency;
import dev.saasusers.common.paging.Page;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.testing.FakePandaDoc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Users removed from the front while a listing of 200 users (4 pages of 50) runs, over real HTTP
 * on loopback: every user that existed for the whole listing is delivered exactly once.
 */
class DirectoryChangeTest {
  private FakePandaDoc fake;
  private PandaDocClient client;
  private final List<ClientListener.DirectoryChanged> changes = new CopyOnWriteArrayList<>();
  private final List<ClientListener.DirectoryRepaired> repairs = new CopyOnWriteArrayList<>();
  private final ClientListener events = new ClientListener() {
    @Override
    public void onDirectoryChanged(DirectoryChanged event) {
      changes.add(event);
    }

    @Override
    public void onDirectoryRepaired(DirectoryRepaired event) {
      repairs.add(event);
    }
  };

  @BeforeEach
  void start() {
    fake = FakePandaDoc.start(200);
    client = PandaDocClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private PagedIterable<PandaDocUser> listing(int prefetch, int parallelism) {
    return client.users().list().prefetch(prefetch).parallelism(parallelism).listener(events);
  }

  /** The pages of one run, and every id delivered, duplicates kept. */
  private List<Page<PandaDocUser>> run(PagedIterable<PandaDocUser> listing, List<String> ids) {
    List<Page<PandaDocUser>> pages = new ArrayList<>();
    for (Page<PandaDocUser> page : listing.pages()) {
      pages.add(page);
      page.items().forEach(u -> ids.add(u.getUserId()));
    }
    return pages;
  }

  private static void assertEachSurvivorExactlyOnce(List<String> survivors, List<String> ids) {
    Set<String> unique = new HashSet<>(ids);
    assertEquals(unique.size(), ids.size(), "no user delivered twice");
    List<String> missing = survivors.stream().filter(id -> !unique.contains(id)).toList();
    assertEquals(List.of(), missing, "users that existed for the whole listing");
  }

  /**
   * Request 1 is page 1; with 4 parallel pages, requests 2 to 4 are the window, so a change after
   * request 1 comes before it, after 2 or 3 during it, and after 4 (the last page) after it,
   * where the listing has nothing to repair. Removing and adding the same number at the front
   * shifts no page after the first, so there is nothing to see and nothing is missed.
   */
  @ParameterizedTest(name = "prefetch {0}, parallel {1}, after request {2}: -{3} +{4} at front: {5}")
  @CsvSource({
      "0, 1, 1, 3, 0, REPAIRED", "1, 1, 1, 3, 0, REPAIRED", "3, 1, 1, 3, 0, REPAIRED",
      "1, 1, 2, 3, 0, REPAIRED", "0, 1, 3, 3, 0, REPAIRED", "1, 4, 1, 3, 0, REPAIRED",
      "1, 4, 2, 3, 0, REPAIRED", "1, 4, 3, 3, 0, REPAIRED", "1, 4, 4, 3, 0, CONSISTENT",
      "0, 1, 4, 3, 0, CONSISTENT",
      "0, 1, 1, 0, 3, REPAIRED", "1, 1, 2, 0, 3, REPAIRED", "1, 4, 1, 0, 3, REPAIRED",
      "1, 4, 2, 0, 3, REPAIRED", "1, 4, 4, 0, 3, CONSISTENT",
      "0, 1, 1, 3, 5, REPAIRED", "1, 1, 2, 5, 2, REPAIRED", "1, 4, 1, 5, 2, REPAIRED",
      "1, 4, 3, 3, 5, REPAIRED", "1, 4, 4, 5, 2, CONSISTENT",
      "0, 1, 1, 3, 3, CONSISTENT", "1, 4, 2, 3, 3, CONSISTENT"})
  void usersRemovedOrAddedDuringTheListingMissNoSurvivor(int prefetch, int parallelism,
      int afterRequest, int removed, int added, Consistency expected) {
    fake.changeAfterRequest(afterRequest, () -> {
      fake.removeUsersAtFront(removed);
      fake.insertUsersAtFront(added);
    });
    List<String> ids = new ArrayList<>();

    List<Page<PandaDocUser>> pages = run(listing(prefetch, parallelism), ids);

    List<String> survivors = fake.currentUserIds().stream()
        .filter(id -> !id.startsWith("added-")).toList();
    assertEquals(200 - removed, survivors.size());
    assertEachSurvivorExactlyOnce(survivors, ids);
    assertEquals(expected, pages.get(pages.size() - 1).consistency());
    int events = expected == Consistency.REPAIRED ? 1 : 0;
    assertEquals(events, changes.size(), changes::toString);
    assertEquals(events, repairs.size(), repairs::toString);
    assertTrue(repairs.stream().allMatch(ClientListener.DirectoryRepaired::proven));
  }

  @Test
  void theIssueCaseDeliversTheThreeShiftedUsers() {
    List<String> before = fake.userIds();
    fake.changeAfterRequest(1, () -> fake.removeUsersAtFront(3));
    List<String> ids = new ArrayList<>();

    run(listing(0, 1), ids);

    assertTrue(ids.containsAll(before.subList(50, 53)), "the users page 2 shifted onto page 1");
    assertEquals(200, ids.size(), "page 1 as first read, then the 147 others once each");
    assertEquals("total 197, was 200", changes.get(0).detail());
    assertEquals(3, repairs.get(0).usersRecovered());
    assertEquals(2, repairs.get(0).pagesReadAgain(), "pages 1 and 2");
    assertEquals(4 + 2, fake.requestCount());
  }

  @ParameterizedTest(name = "prefetch {0}, parallel {1}")
  @CsvSource({"0, 1", "1, 1", "1, 4"})
  void aStableListingCostsNoExtraRequestAndIsConsistent(int prefetch, int parallelism) {
    List<String> ids = new ArrayList<>();

    List<Page<PandaDocUser>> pages = run(listing(prefetch, parallelism), ids);

    assertEquals(fake.userIds(), ids);
    assertEquals(4, fake.requestCount(), "pages 1 to 4, none twice");
    assertEquals(Consistency.CONSISTENT, pages.get(pages.size() - 1).consistency());
    assertEquals(List.of(), changes);
    assertEquals(List.of(), repairs);
  }

  @Test
  void aDirectoryThatNeverHoldsStillEndsNotProvenAfterTheBoundOfPasses() {
    for (int request = 1; request <= 40; request++) {
      fake.changeAfterRequest(request, () -> fake.removeUsersAtFront(1));
    }
    List<String> ids = new ArrayList<>();

    List<Page<PandaDocUser>> pages = run(listing(0, 1), ids);

    assertEquals(Consistency.NOT_PROVEN, pages.get(pages.size() - 1).consistency());
    assertEquals(1, repairs.size(), repairs::toString);
    assertFalse(repairs.get(0).proven());
    assertEquals(new HashSet<>(ids).size(), ids.size(), "no user delivered twice");
  }

  /** Removed at the front, added at the end: the total holds, page 2 shifts, no id repeats. */
  private void silentChangeAfterRequest(int request) {
    fake.changeAfterRequest(request, () -> {
      fake.removeUsersAtFront(3);
      fake.appendUsers(3);
    });
  }

  @Test
  void withoutTheSecondPassASilentChangeCannotBeSeen() {
    silentChangeAfterRequest(1);
    List<String> ids = new ArrayList<>();

    List<Page<PandaDocUser>> pages = run(listing(0, 1), ids);

    assertFalse(ids.containsAll(fake.userIds().subList(50, 53)), "page 2 shifted past them");
    assertEquals(Consistency.CONSISTENT, pages.get(pages.size() - 1).consistency());
    assertEquals(List.of(), changes);
  }

  @ParameterizedTest(name = "prefetch {0}, parallel {1}")
  @CsvSource({"0, 1", "1, 1", "1, 4"})
  void theSecondPassRepairsASilentChange(int prefetch, int parallelism) {
    silentChangeAfterRequest(1);
    List<String> ids = new ArrayList<>();

    List<Page<PandaDocUser>> pages =
        run(listing(prefetch, parallelism).verifyWithSecondPass(true), ids);

    List<String> survivors = fake.currentUserIds().stream()
        .filter(id -> !id.startsWith("added-")).toList();
    assertEachSurvivorExactlyOnce(survivors, ids);
    assertEquals(Consistency.REPAIRED, pages.get(pages.size() - 1).consistency());
    assertEquals(1, repairs.size(), repairs::toString);
    assertTrue(repairs.get(0).usersRecovered() >= 3, repairs::toString);
    assertEquals(8, fake.requestCount(), "two passes of 4 pages");
  }

  @Test
  void theSecondPassOfAStableListingFindsNothingAndCostsOnePassMore() {
    List<String> ids = new ArrayList<>();

    List<Page<PandaDocUser>> pages = run(listing(1, 1).verifyWithSecondPass(true), ids);

    assertEquals(fake.userIds(), ids);
    assertEquals(Consistency.CONSISTENT, pages.get(pages.size() - 1).consistency());
    assertEquals(8, fake.requestCount());
    assertEquals(List.of(), repairs);
  }

  @Test
  void anAsynchronousRunRepairsToo() throws Exception {
    fake.changeAfterRequest(1, () -> fake.removeUsersAtFront(3));
    List<String> ids = new CopyOnWriteArrayList<>();

    listing(1, 1).async().forEach(u -> ids.add(u.getUserId())).get();

    assertEachSurvivorExactlyOnce(fake.currentUserIds(), ids);
    assertEquals(1, repairs.size(), repairs::toString);
  }
}
