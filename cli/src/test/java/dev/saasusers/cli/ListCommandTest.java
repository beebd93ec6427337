package dev.saasusers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePodero;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code users-cli list}, in-process, against the four fake vendors on loopback. */
class ListCommandTest extends FakeVendorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CliRun listWith(Map<String, String> env, Vendor vendor, String... more) {
    List<String> args = new ArrayList<>(List.of("list", vendor.id()));
    args.addAll(List.of(more));
    return CliRun.of(env, args.toArray(String[]::new));
  }

  /** The field that holds the user's id in the vendor's own JSON. */
  private static String idField(Vendor vendor) {
    return vendor == Vendor.PANDADOC ? "user_id" : "id";
  }

  /** Field names only that vendor's API uses, so a cross-vendor shape would be caught. */
  private static Set<String> ownFields(Vendor vendor) {
    return switch (vendor) {
      case POLYTOMIC -> Set.of("id", "email", "organization_id", "role_ids");
      case DATAGRID -> Set.of("id", "email", "first_name", "last_name", "permissions");
      case PANDADOC -> Set.of("user_id", "email", "first_name", "last_name", "workspaces");
      case PODERO -> Set.of("id", "organization_id", "email", "first_name", "last_name", "role");
    };
  }

  private static List<JsonNode> jsonLines(CliRun run) {
    List<JsonNode> users = new ArrayList<>();
    for (String line : run.outLines()) {
      try {
        JsonNode node = JSON.readTree(line);
        assertTrue(node.isObject(), "not an object: " + line);
        users.add(node);
      } catch (IOException e) {
        throw new AssertionError("stdout line is not JSON: " + line, e);
      }
    }
    return users;
  }

  private static List<String> ids(Vendor vendor, List<JsonNode> users) {
    return users.stream().map(u -> u.get(idField(vendor)).asText()).toList();
  }

  private static List<List<String>> csvRows(String text) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }

  // ---- each vendor, each format -----------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void jsonlWritesOneVendorObjectPerLineForEveryUser(Vendor vendor) {
    CliRun run = list(vendor, "--format", "jsonl");

    assertEquals(0, run.exitCode(), run::toString);
    List<JsonNode> users = jsonLines(run);
    assertEquals(fakes.defaultListingIds(vendor), ids(vendor, users));
    Set<String> seen = new HashSet<>();
    users.forEach(u -> u.fieldNames().forEachRemaining(seen::add));
    assertTrue(seen.containsAll(ownFields(vendor)), "fields " + seen);
    assertFalse(seen.contains("vendor"), "the vendor's own JSON, not the cross-vendor shape");
    assertEquals("", run.err(), "nothing on stderr without --progress");
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void csvWritesHeaderAndOneRowPerUser(Vendor vendor) throws IOException {
    CliRun run = list(vendor, "--format", "csv");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().endsWith("\r\n"), "RFC 4180 lines end with CRLF");
    List<List<String>> rows = csvRows(run.out());
    assertEquals(List.of("vendor", "id", "email", "first_name", "last_name", "roles", "removed"),
        rows.get(0));
    List<List<String>> users = rows.subList(1, rows.size());
    assertEquals(fakes.defaultListingIds(vendor), users.stream().map(r -> r.get(1)).toList());
    users.forEach(r -> assertEquals(vendor.id(), r.get(0)));
    assertEquals("", run.err());
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void tableWritesHeaderAndOneLinePerUser(Vendor vendor) {
    CliRun run = list(vendor);

    assertEquals(0, run.exitCode(), run::toString);
    List<String> lines = run.outLines();
    assertTrue(lines.get(0).matches("VENDOR\\s+ID\\s+EMAIL\\s+NAME\\s+ROLES\\s*"), lines.get(0));
    List<String> ids = lines.subList(1, lines.size()).stream()
        .map(l -> l.split("\\s+")[1]).toList();
    assertEquals(fakes.defaultListingIds(vendor), ids);
    assertEquals("", run.err());
  }

  @Test
  void csvQuotesCommasQuotesAndLineBreaksPerRfc4180() throws IOException {
    StubMapping odd = fakes.datagrid.server().stubFor(get(urlPathEqualTo("/organization/users"))
        .willReturn(okJson("""
        {"object":"list","has_more":false,"data":[
          {"id":"usr_1","email":"a@example.com","first_name":"Smith, Jr.","last_name":"O\\"Brien",
           "permissions":{"role":"member"}},
          {"id":"usr_2","email":"b@example.com","first_name":"Two\\nLines","last_name":"Plain",
           "permissions":{"role":"admin"}}]}
        """)));
    try {
      CliRun run = list(Vendor.DATAGRID, "--format", "csv");

      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(run.out().contains(",\"Smith, Jr.\",\"O\"\"Brien\","), run.out());
      List<List<String>> rows = csvRows(run.out());
      assertEquals(3, rows.size());
      assertEquals(List.of("datagrid", "usr_1", "a@example.com", "Smith, Jr.", "O\"Brien", "member", ""),
          rows.get(1));
      assertEquals("Two\nLines", rows.get(2).get(3));
    } finally {
      fakes.datagrid.server().removeStub(odd);
    }
  }

  // ---- stdout holds data only; progress --------------------------------------------------

  @Test
  void progressGoesToStderrOnlyWhenAsked() {
    CliRun quiet = list(Vendor.DATAGRID, "--format", "jsonl", "--page-size", "40");
    CliRun loud = list(Vendor.DATAGRID, "--format", "jsonl", "--page-size", "40", "--progress");

    assertEquals("", quiet.err(), "streams that are not a terminal get no progress");
    assertEquals(0, loud.exitCode(), loud::toString);
    assertTrue(loud.err().contains("120 users, 3 pages"), loud.err());
    assertTrue(loud.err().matches("(?s).*[0-9,]+ users/s.*"), loud.err());
    assertEquals(quiet.out(), loud.out(), "progress never reaches stdout");
    assertEquals(VendorFakes.USERS, jsonLines(loud).size());
  }

  // ---- errors: one line, the right exit code, no request when the input is wrong ----------

  @Test
  void missingVariableIsNamedInOneLineWithExit1() {
    Map<String, String> env = new HashMap<>(fakes.env(Vendor.DATAGRID));
    env.remove("DATAGRID_API_KEY");

    CliRun run = listWith(env, Vendor.DATAGRID);

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().contains("DATAGRID_API_KEY"), run.err());
    assertEquals("", run.out());
    assertEquals(0, fakes.datagrid.requestCount());
  }

  @Test
  void missingPoderoSecretIsNamedToo() {
    Map<String, String> env = new HashMap<>(fakes.env(Vendor.PODERO));
    env.remove("PODERO_CLIENT_SECRET");

    CliRun run = listWith(env, Vendor.PODERO);

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(List.of("error: environment variable PODERO_CLIENT_SECRET is not set"), run.errLines());
  }

  @ParameterizedTest
  @EnumSource(value = Vendor.class, names = {"POLYTOMIC", "PODERO"})
  void badOrgIdIsAUsageErrorBeforeAnyRequest(Vendor vendor) {
    CliRun run = list(vendor, "--org-id", "../admin");

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().contains("--org-id must be a UUID"), run.err());
    assertEquals(0, fakes.fake(vendor).requestCount());
    if (vendor == Vendor.PODERO) {
      assertEquals(0, fakes.podero.tokenRequestCount(), "not even a token request");
    }
  }

  @Test
  void orgIdFlagWinsOverTheVariable() {
    Map<String, String> env = new HashMap<>(fakes.env(Vendor.POLYTOMIC));
    env.remove("POLYTOMIC_ORG_ID");

    CliRun without = listWith(env, Vendor.POLYTOMIC);
    CliRun with = listWith(env, Vendor.POLYTOMIC, "--org-id", fakes.polytomic.orgId().toString(),
        "--format", "jsonl");

    assertEquals(2, without.exitCode(), without::toString);
    assertEquals(List.of("error: --org-id is required (or set POLYTOMIC_ORG_ID)"), without.errLines());
    assertEquals(0, with.exitCode(), with::toString);
    assertEquals(VendorFakes.USERS, jsonLines(with).size());
  }

  static Stream<Arguments> inapplicableFlags() {
    return Stream.of(
        Arguments.of(Vendor.POLYTOMIC, List.of("--search", "ann"), "--search applies only to datagrid"),
        Arguments.of(Vendor.DATAGRID, List.of("--include-deleted"), "--include-deleted applies only to podero"),
        Arguments.of(Vendor.PODERO, List.of("--show-removed"), "--show-removed applies only to pandadoc"),
        Arguments.of(Vendor.DATAGRID, List.of("--parallel", "4"), "--parallel applies only to pandadoc"),
        Arguments.of(Vendor.PANDADOC, List.of("--org-id", "248df4b7-aa70-47b8-a036-33ac447e668d"),
            "--org-id applies only to polytomic and podero"),
        Arguments.of(Vendor.PODERO, List.of("--page-size", "10"), "--page-size applies only to"));
  }

  @ParameterizedTest
  @MethodSource("inapplicableFlags")
  void flagTheVendorLacksIsAUsageError(Vendor vendor, List<String> flag, String message) {
    CliRun run = list(vendor, flag.toArray(String[]::new));

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("error: " + message), run.err());
    assertEquals(0, fakes.fake(vendor).requestCount());
  }

  @Test
  void unknownVendorAndBadFormatAreUsageErrors() {
    CliRun vendor = CliRun.of(Map.of(), "list", "salesforce");
    CliRun format = list(Vendor.DATAGRID, "--format", "xml");

    assertEquals(2, vendor.exitCode(), vendor::toString);
    assertEquals(1, vendor.errLines().size(), vendor::toString);
    assertTrue(vendor.err().contains("salesforce"), vendor.err());
    assertEquals(2, format.exitCode(), format::toString);
    assertEquals(1, format.errLines().size(), format::toString);
    assertEquals(0, fakes.datagrid.requestCount());
  }

  @Test
  void vendorErrorIsOneLineWithoutDebugAndAStackTraceWithIt() {
    Map<String, String> env = new HashMap<>(fakes.env(Vendor.DATAGRID));
    env.put("DATAGRID_API_KEY", "dg_wrong_key_0123456789");

    CliRun plain = listWith(env, Vendor.DATAGRID);
    CliRun debug = listWith(env, Vendor.DATAGRID, "--debug");

    assertEquals(1, plain.exitCode(), plain::toString);
    assertEquals(1, plain.errLines().size(), plain::toString);
    assertTrue(plain.err().contains("401"), plain.err());
    assertEquals(1, debug.exitCode(), debug::toString);
    assertTrue(debug.errLines().size() > 3, "a stack trace: " + debug.err());
    assertTrue(debug.err().contains("\tat dev.saasusers."), debug.err());
    for (CliRun run : List.of(plain, debug)) {
      assertFalse((run.out() + run.err()).contains("dg_wrong_key_0123456789"), run::toString);
      assertEquals("", run.out());
    }
  }

  // ---- options ---------------------------------------------------------------------------

  @Test
  void maxItemsStopsEarlyWithoutFetchingMorePages() {
    CliRun run = list(Vendor.DATAGRID, "--format", "jsonl", "--page-size", "10", "--max-items", "25");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(fakes.datagrid.userIds().subList(0, 25), ids(Vendor.DATAGRID, jsonLines(run)));
    assertEquals(3, fakes.datagrid.requestCount(), "pages of 10: 3 requests for 25 users");
  }

  @Test
  void negativeMaxItemsIsAUsageError() {
    CliRun run = list(Vendor.DATAGRID, "--max-items", "-1");

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals(List.of("error: --max-items must be 0 or more, was -1"), run.errLines());
  }

  @Test
  void baseUrlFlagOverridesTheVariable() {
    Map<String, String> env = new HashMap<>(fakes.env(Vendor.DATAGRID));
    env.put("DATAGRID_BASE_URL", "http://127.0.0.1:9/nothing-listens-here");

    CliRun viaVariable = listWith(env, Vendor.DATAGRID, "--max-retries", "0");
    CliRun viaFlag = listWith(env, Vendor.DATAGRID, "--format", "jsonl",
        "--base-url", fakes.datagrid.baseUrl());

    assertEquals(1, viaVariable.exitCode(), "the variable alone points nowhere: " + viaVariable);
    assertEquals(0, viaFlag.exitCode(), viaFlag::toString);
    assertEquals(VendorFakes.USERS, jsonLines(viaFlag).size());
  }

  @Test
  void vendorFlagsReachTheRequest() {
    CliRun search = list(Vendor.DATAGRID, "--format", "jsonl", "--search", "zz-no-such-user");
    CliRun deleted = list(Vendor.PODERO, "--format", "jsonl", "--include-deleted");
    CliRun active = list(Vendor.PANDADOC, "--format", "jsonl", "--show-removed=false");

    assertEquals(0, search.exitCode(), search::toString);
    assertEquals(List.of(), search.outLines());
    assertEquals(fakes.podero.userIds(), ids(Vendor.PODERO, jsonLines(deleted)));
    List<String> kept = new ArrayList<>(fakes.pandadoc.userIds());
    kept.removeAll(fakes.pandadoc.removedUserIds());
    assertEquals(kept, ids(Vendor.PANDADOC, jsonLines(active)));
  }

  @Test
  void parallelPandaDocPagesKeepTheOrder() {
    CliRun run = list(Vendor.PANDADOC, "--format", "jsonl", "--page-size", "10", "--parallel", "4");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(fakes.pandadoc.userIds(), ids(Vendor.PANDADOC, jsonLines(run)));
  }

  // ---- failure mid-listing, then resume --------------------------------------------------

  private static final Pattern RESUME = Pattern.compile("--resume (\\S+)");

  @ParameterizedTest
  @EnumSource(value = Vendor.class, names = {"DATAGRID", "PANDADOC"})
  void failureMidListingPrintsACheckpointAndResumeCompletesIt(Vendor vendor) {
    fakes.fake(vendor).faults().alwaysAfter(4, FakeFault.SERVICE_UNAVAILABLE);

    CliRun failed = list(vendor, "--format", "jsonl", "--page-size", "10", "--max-retries", "0");

    assertEquals(1, failed.exitCode(), failed::toString);
    assertEquals(1, failed.errLines().size(), failed::toString);
    assertTrue(failed.err().contains("503"), failed.err());
    Matcher checkpoint = RESUME.matcher(failed.err());
    assertTrue(checkpoint.find(), "no checkpoint in: " + failed.err());
    assertEquals(1, occurrences(failed.err(), checkpoint.group(1)),
        "the checkpoint is printed once: " + failed.err());
    assertFalse(failed.err().contains("resume from checkpoint"), failed.err());
    List<String> first = ids(vendor, jsonLines(failed));
    assertEquals(40, first.size(), "four pages of ten were written before the failure");

    fakes.fake(vendor).faults().clear();
    CliRun resumed = list(vendor, "--format", "jsonl", "--page-size", "10",
        "--resume", checkpoint.group(1));

    assertEquals(0, resumed.exitCode(), resumed::toString);
    List<String> all = new ArrayList<>(first);
    all.addAll(ids(vendor, jsonLines(resumed)));
    assertEquals(fakes.fake(vendor).userIds(), all, "every user exactly once, in order");
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  /** A permanent failure: one error line, exit 1, and no checkpoint, since resuming would fail alike. */
  private static void assertNoResumeOffered(CliRun failed, String expected) {
    assertEquals(1, failed.exitCode(), failed::toString);
    assertEquals(1, failed.errLines().size(), failed::toString);
    assertTrue(failed.err().startsWith("error: "), failed.err());
    assertTrue(failed.err().contains(expected), failed.err());
    assertFalse(failed.err().contains("--resume"), failed.err());
    assertFalse(failed.err().contains("checkpoint"), failed.err());
  }

  @Test
  void aWrongApiKeyOnTheFirstPagePrintsNoCheckpoint() {
    Map<String, String> env = new HashMap<>(fakes.env(Vendor.DATAGRID));
    env.put("DATAGRID_API_KEY", "dg_wrong_key_0000000000000000");

    CliRun failed = listWith(env, Vendor.DATAGRID, "--format", "jsonl");

    assertNoResumeOffered(failed, "HTTP 401");
    assertEquals("", failed.out());
  }

  @Test
  void aRefusedTokenRequestPrintsNoCheckpoint() {
    Map<String, String> env = new HashMap<>(fakes.env(Vendor.PODERO));
    env.put("PODERO_CLIENT_SECRET", "pcs_wrong_" + "0123456789abcdef");

    CliRun failed = listWith(env, Vendor.PODERO, "--format", "jsonl");

    assertNoResumeOffered(failed, "OAuth2 token request to " + FakePodero.TOKEN_PATH
        + " was refused with HTTP 401");
    assertFalse(failed.err().contains("pcs_wrong_"), "no secret: " + failed.err());
  }

  @Test
  void aNotFoundMidListingPrintsNoCheckpointButKeepsTheUsersListed() {
    StubMapping gone = fakes.pandadoc.server().stubFor(get(urlPathEqualTo("/public/v1/users"))
        .withQueryParam("page", equalTo("3"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"type\":\"not_found\",\"detail\":\"Not found.\"}")));
    try {
      CliRun failed = list(Vendor.PANDADOC, "--format", "jsonl", "--page-size", "10");

      assertNoResumeOffered(failed, "HTTP 404 Not Found: Not found.");
      assertEquals(fakes.pandadoc.userIds().subList(0, 20), ids(Vendor.PANDADOC, jsonLines(failed)),
          "the two pages before the failure were written");
    } finally {
      fakes.pandadoc.server().removeStub(gone);
    }
  }

  @Test
  void aTransientTokenFailurePrintsTheCheckpointOnce() {
    StubMapping down = fakes.podero.server().stubFor(post(urlPathEqualTo(FakePodero.TOKEN_PATH))
        .willReturn(aResponse().withStatus(500)));
    try {
      CliRun failed = list(Vendor.PODERO, "--format", "jsonl", "--max-retries", "0");

      assertEquals(1, failed.exitCode(), failed::toString);
      assertEquals(1, failed.errLines().size(), failed::toString);
      assertTrue(failed.err().contains("token request failed: HTTP 500"), failed.err());
      Matcher checkpoint = RESUME.matcher(failed.err());
      assertTrue(checkpoint.find(), failed.err());
      assertEquals(1, occurrences(failed.err(), checkpoint.group(1)), failed.err());
    } finally {
      fakes.podero.server().removeStub(down);
    }
  }

  @Test
  void garbledCheckpointIsAUsageError() {
    CliRun run = list(Vendor.DATAGRID, "--resume", "not-a-checkpoint");

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
  }

  // ---- secrets ---------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void secretsAppearNowhereEvenWithDebug(Vendor vendor) {
    fakes.fake(vendor).faults().next(FakeFault.INTERNAL_ERROR);
    CliRun ok = list(vendor, "--format", "jsonl", "--debug", "--progress");
    fakes.fake(vendor).faults().always(FakeFault.SERVICE_UNAVAILABLE);
    CliRun failed = list(vendor, "--format", "csv", "--debug", "--max-retries", "0");

    assertEquals(0, ok.exitCode(), ok::toString);
    assertEquals(1, failed.exitCode(), failed::toString);
    for (CliRun run : List.of(ok, failed)) {
      for (String secret : fakes.secrets()) {
        assertFalse(run.out().contains(secret), "secret on stdout: " + run);
        assertFalse(run.err().contains(secret), "secret on stderr: " + run);
      }
    }
  }
}
