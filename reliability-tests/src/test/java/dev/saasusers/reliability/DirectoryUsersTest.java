package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.common.user.DirectoryUsers;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.polytomic.PolytomicClient;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several vendors as one listing with one checkpoint, over the fakes on loopback. */
class DirectoryUsersTest {
  private static FakePolytomic polytomicFake;
  private static FakeDatagrid datagridFake;
  private static FakePandaDoc pandaDocFake;
  private static FakePodero poderoFake;
  private static PolytomicClient polytomic;
  private static DatagridClient datagrid;
  private static PandaDocClient pandaDoc;
  private static PoderoClient podero;

  @BeforeAll
  static void start() {
    polytomicFake = FakePolytomic.start(12);
    datagridFake = FakeDatagrid.start(230);   // 5 pages of 50
    pandaDocFake = FakePandaDoc.start(120);   // 3 pages of 50
    poderoFake = FakePodero.start(9);
    polytomic = PolytomicClient.builder().apiKey(polytomicFake.apiKey())
        .baseUrl(polytomicFake.baseUrl()).orgId(polytomicFake.orgId().toString()).build();
    datagrid = DatagridClient.builder().apiKey(datagridFake.apiKey())
        .baseUrl(datagridFake.baseUrl()).maxRetries(0).build();
    pandaDoc = PandaDocClient.builder().apiKey(pandaDocFake.apiKey())
        .baseUrl(pandaDocFake.baseUrl()).build();
    podero = PoderoClient.builder().clientCredentials(poderoFake.clientId(), poderoFake.clientSecret())
        .baseUrl(poderoFake.baseUrl()).orgId(poderoFake.orgId().toString()).build();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {polytomic, datagrid, pandaDoc, podero,
        polytomicFake, datagridFake, pandaDocFake, poderoFake}) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @BeforeEach
  void noFaults() {
    datagridFake.faults().clear();
  }

  private static DirectoryUsers everyone() {
    return DirectoryUsers.of(polytomic, datagrid, pandaDoc, podero);
  }

  @Test
  void listsEveryUserOfEveryVendorOnceInTheOrderGiven() {
    Map<String, List<String>> ids = idsByVendor(everyone().stream().toList());

    assertEquals(List.of("polytomic", "datagrid", "pandadoc", "podero"), List.copyOf(ids.keySet()));
    assertEquals(polytomicFake.userIds(), ids.get("polytomic"));
    assertEquals(datagridFake.userIds(), ids.get("datagrid"));
    assertEquals(pandaDocFake.userIds(), ids.get("pandadoc"));
    List<String> activePodero = new ArrayList<>(poderoFake.userIds());
    activePodero.removeAll(poderoFake.deletedUserIds()); // the default listing leaves them out
    assertEquals(activePodero, ids.get("podero"));
  }

  @Test
  void aFailureInsideOneVendorResumesThereFromTheOneCheckpoint() {
    // Polytomic's request, then Datagrid's first two pages succeed; its third page fails.
    datagridFake.faults().alwaysAfter(2, FakeFault.INTERNAL_ERROR);
    List<DirectoryUser> first = new ArrayList<>();

    SdkException failure = assertThrows(SdkException.class, () -> everyone().forEach(first::add));
    String checkpoint = failure.checkpoint().orElseThrow();
    datagridFake.faults().clear();
    List<DirectoryUser> rest = everyone().resumeFrom(checkpoint).stream().toList();

    assertEquals(12 + 100, first.size(), "Polytomic's users and Datagrid's first two pages");
    assertTrue(checkpoint.startsWith("directory.v1.polytomic+datagrid+pandadoc+podero.1."), checkpoint);
    List<DirectoryUser> all = new ArrayList<>(first);
    all.addAll(rest);
    assertEquals(everyone().stream().toList(), all, "every user once, in order, across the resume");
  }

  @Test
  void aPageCheckpointResumesAfterThatPageEvenAcrossVendors() {
    List<DirectoryUsers.DirectoryPage> pages = new ArrayList<>();
    everyone().pages().forEach(pages::add);
    List<DirectoryUser> all = everyone().stream().toList();

    int delivered = 0;
    for (DirectoryUsers.DirectoryPage page : pages) {
      delivered += page.users().size();
      List<DirectoryUser> after = everyone().resumeFrom(page.checkpoint()).stream().toList();
      assertEquals(all.subList(delivered, all.size()), after, "after a page of " + page.vendorId());
    }
    assertEquals(1 + 5 + 3 + 1, pages.size());
  }

  @Test
  void aCheckpointOfOtherVendorsOrNoneIsRefusedBeforeAnyRequest() {
    String ofAll = everyone().pages().iterator().next().checkpoint();
    int before = datagridFake.requestCount();

    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> DirectoryUsers.of(datagrid, pandaDoc).resumeFrom(ofAll));
    IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
        () -> everyone().resumeFrom("datagrid.cursor.v1.JA"));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> DirectoryUsers.of(datagrid, datagrid));

    assertEquals("checkpoint is for the vendors polytomic+datagrid+pandadoc+podero, not "
        + "datagrid+pandadoc", other.getMessage());
    assertTrue(garbage.getMessage().startsWith("not a checkpoint of several vendors"), garbage.getMessage());
    assertEquals("vendor 'datagrid' is given twice", twice.getMessage());
    assertEquals(before, datagridFake.requestCount());
  }

  @Test
  void aVendorCheckpointInsideTheCombinedOneIsCheckedByThatVendor() {
    String ofAll = everyone().pages().iterator().next().checkpoint();
    String[] parts = ofAll.split("\\.", 5);
    String wrongInner = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("pandadoc.page.v1.MQ".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> everyone().resumeFrom(String.join(".", parts[0], parts[1], parts[2], "1", wrongInner)));

    assertEquals("checkpoint is for vendor 'pandadoc', not 'datagrid'", e.getMessage());
  }

  private static Map<String, List<String>> idsByVendor(List<DirectoryUser> users) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (DirectoryUser user : users) {
      ids.computeIfAbsent(user.vendor(), v -> new ArrayList<>()).add(user.id());
    }
    return ids;
  }
}
