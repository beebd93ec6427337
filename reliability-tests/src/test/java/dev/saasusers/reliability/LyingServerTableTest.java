package dev.saasusers.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.saasusers.common.config.Environment;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import dev.saasusers.testing.FakeVendor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Servers that lie the way outages and bad deploys do, through the CLI: an empty or null body, a
 * list field missing or null, headers cut off, totals and {@code has_more} that contradict the
 * pages, absurd token lifetimes and Retry-After values. No case may exit 0 with fewer users than
 * the server holds: each fails (exit 1), finishes unproven (exit 3, with every user, or with
 * none and a warning when the server sent neither users nor a total), or completes (exit 0)
 * with every user. The only exit 0 without users is an answer the vendor's
 * spec defines as "no users" (Polytomic's optional, nullable {@code data}).
 */
@ExtendWith(SuiteLedger.class)
class LyingServerTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger EXITED_ZERO_MISSING = new AtomicInteger();
  private static final AtomicInteger SPEC_EMPTY = new AtomicInteger();

  private static FakeDatagrid datagrid;
  private static FakePandaDoc pandaDoc;
  private static FakePodero podero;
  private static FakePolytomic polytomic;
  private static FakePodero poderoBigLifetime;
  private static FakePodero poderoInfiniteLifetime;
  private static final List<StubMapping> LIES = new ArrayList<>();

  /** What a case must end with. */
  enum Expect {
    /** exit 1: the listing failed, naming the problem. */
    FAILS,
    /** exit 3: every user, and a warning that completeness is not proven. */
    UNPROVEN,
    /** exit 3 and its warning, with no user: the server sent none and no total to check. */
    UNPROVEN_NO_USERS,
    /** exit 0 with every user. */
    COMPLETE,
    /** exit 0 with no user: the spec's own way of saying there are none. */
    SPEC_EMPTY
  }

  @BeforeAll
  static void startFakes() {
    datagrid = FakeDatagrid.start(120);
    pandaDoc = FakePandaDoc.start(120);
    podero = FakePodero.start(5);
    polytomic = FakePolytomic.start(5);
    poderoBigLifetime = FakePodero.builder().users(5).expiresInAsSent("1000000000000000000").start();
    poderoInfiniteLifetime = FakePodero.builder().users(5).expiresInAsSent("1e400").start();
  }

  @AfterAll
  static void stopFakes() {
    Stream.of(datagrid, pandaDoc, podero, polytomic, poderoBigLifetime, poderoInfiniteLifetime)
        .forEach(FakeVendor::close);
    String line = "lying-server: cases tried " + TRIED.get() + ", exited 0 with users missing "
        + EXITED_ZERO_MISSING.get() + " (spec-valid empty answers " + SPEC_EMPTY.get() + ")";
    System.out.println(line);
    assertEquals(0, EXITED_ZERO_MISSING.get(), line);
  }

  static Stream<Arguments> lies() {
    List<Arguments> rows = new ArrayList<>();
    for (String vendor : List.of("polytomic", "datagrid", "pandadoc", "podero")) {
      for (String mode : vendor.equals("pandadoc") ? List.of("", "--parallel=4") : List.of("")) {
        String name = vendor + (mode.isEmpty() ? "" : " " + mode) + ": ";
        rows.add(row(name + "200 with an empty body", vendor, mode, Expect.FAILS,
            everyUsersRequest(vendor, aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(""))));
        rows.add(row(name + "200 with null", vendor, mode, Expect.FAILS,
            everyUsersRequest(vendor, okJson("null"))));
        boolean polytomicSpec = vendor.equals("polytomic");
        rows.add(row(name + "200 with {}", vendor, mode,
            polytomicSpec ? Expect.SPEC_EMPTY
                : vendor.equals("pandadoc") ? Expect.UNPROVEN_NO_USERS : Expect.FAILS,
            everyUsersRequest(vendor, okJson("{}"))));
        String field = Map.of("polytomic", "data", "datagrid", "data", "pandadoc", "results",
            "podero", "").get(vendor);
        if (!field.isEmpty()) {
          rows.add(row(name + "the list field is null", vendor, mode,
              polytomicSpec ? Expect.SPEC_EMPTY : Expect.FAILS,
              everyUsersRequest(vendor, okJson("{\"object\":\"list\",\"has_more\":false,\"total\":5,\""
                  + field + "\":null}"))));
        }
        rows.add(row(name + "429 with Retry-After: 99999999999999999999", vendor, mode, Expect.FAILS,
            everyUsersRequest(vendor, aResponse().withStatus(429)
                .withHeader("Retry-After", "99999999999999999999"))));
        for (String cut : List.of("HTTP/1.1 200 OK\r\nContent-Ty", "HTTP/1.1 200 OK\r\n")) {
          rows.add(row(name + "headers cut off: " + cut.replace("\r\n", "\\r\\n"), vendor, mode,
              Expect.FAILS, cutOff(cut)));
        }
      }
    }
    for (String mode : List.of("", "--parallel=4")) {
      String name = "pandadoc" + (mode.isEmpty() ? "" : " " + mode) + ": ";
      for (String total : List.of("-5", "0", "30")) {
        rows.add(row(name + "full pages saying total " + total, "pandadoc", mode, Expect.UNPROVEN,
            pandaDocPagesClaiming(total)));
      }
      rows.add(row(name + "pages saying total 500", "pandadoc", mode, Expect.UNPROVEN,
          pandaDocPagesClaiming("500")));
    }
    rows.add(row("datagrid: has_more with no users on the first page", "datagrid", "", Expect.FAILS,
        everyUsersRequest("datagrid", okJson("{\"object\":\"list\",\"data\":[],\"has_more\":true}"))));
    rows.add(row("datagrid: has_more with no users on page 2", "datagrid", "", Expect.FAILS,
        datagridEmptySecondPage()));
    rows.add(row("datagrid: has_more missing", "datagrid", "", Expect.FAILS,
        everyUsersRequest("datagrid", okJson("{\"object\":\"list\",\"data\":[]}"))));
    rows.add(row("podero: token expires_in 10^18", "podero-big", "", Expect.COMPLETE, env -> { }));
    rows.add(row("podero: token expires_in 1e400", "podero-infinite", "", Expect.COMPLETE, env -> { }));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lies")
  void neverExitsZeroWithUsersMissing(String name, String vendor, String mode, Expect expect,
      Consumer<Map<String, String>> lie) {
    FakeVendor fake = fakeFor(vendor);
    Map<String, String> env = envFor(fake);
    try {
      lie.accept(env);
      List<String> args = new ArrayList<>(List.of("list", cliVendor(vendor), "--format", "jsonl",
          "--max-retries", "1"));
      if (vendor.equals("pandadoc") || vendor.equals("datagrid")) {
        args.addAll(List.of("--page-size", "50"));
      }
      if (!mode.isEmpty()) {
        args.add(mode);
      }
      SuiteClients.CliRun run = SuiteClients.cli(Environment.of(env), args.toArray(String[]::new));
      List<String> delivered = run.out().lines().filter(l -> !l.isBlank()).toList();
      int holds = expect == Expect.SPEC_EMPTY ? 0 : fake.userIds().size();
      TRIED.incrementAndGet();
      if (expect == Expect.SPEC_EMPTY) {
        SPEC_EMPTY.incrementAndGet();
      }
      if (run.exitCode() == 0 && delivered.size() < holds) {
        EXITED_ZERO_MISSING.incrementAndGet();
      }
      String context = name + ": exit " + run.exitCode() + ", " + delivered.size() + " users; stderr: "
          + run.err();
      switch (expect) {
        case FAILS -> {
          assertEquals(1, run.exitCode(), context);
          assertTrue(run.err().startsWith("error: "), context);
        }
        case UNPROVEN -> {
          assertEquals(3, run.exitCode(), context);
          assertTrue(run.err().contains("completeness is not proven"), context);
          assertAllUsers(name, fake, run.out(), delivered);
        }
        case UNPROVEN_NO_USERS -> {
          assertEquals(3, run.exitCode(), context);
          assertTrue(run.err().contains("completeness is not proven"), context);
          assertEquals(0, delivered.size(), context);
        }
        case COMPLETE -> {
          assertEquals(0, run.exitCode(), context);
          assertAllUsers(name, fake, run.out(), delivered);
        }
        case SPEC_EMPTY -> {
          assertEquals(0, run.exitCode(), context);
          assertEquals(0, delivered.size(), context);
        }
        default -> throw new AssertionError(expect);
      }
      assertFalse(run.err().contains("ArithmeticException"), context);
      assertFalse(run.err().contains("4611686018427387903"), context);
    } finally {
      LIES.forEach(stub -> fake.server().removeStub(stub));
      LIES.clear();
    }
  }

  private static void assertAllUsers(String name, FakeVendor fake, String out, List<String> delivered) {
    List<String> ids = new ArrayList<>();
    for (String id : fake.userIds()) {
      if (out.contains(id)) {
        ids.add(id);
      }
    }
    SuiteLedger.checkUsers(name, ids, fake.userIds());
    assertEquals(fake.userIds().size(), delivered.size(), name + ": one line per user");
  }

  private static Arguments row(String name, String vendor, String mode, Expect expect,
      Consumer<Map<String, String>> lie) {
    return Arguments.of(name, vendor, mode, expect, lie);
  }

  /** The lie answers every users request of the vendor. */
  private static Consumer<Map<String, String>> everyUsersRequest(String vendor,
      ResponseDefinitionBuilder answer) {
    return env -> lie(fakeFor(vendor), get(urlPathMatching(".*/users")).willReturn(answer));
  }

  /** The users requests go to a socket that cuts its answer off; tokens still come from the fake. */
  private static Consumer<Map<String, String>> cutOff(String answer) {
    return env -> {
      String base = CutOff.answering(answer);
      env.replaceAll((key, value) -> key.endsWith("_BASE_URL") ? base : value);
    };
  }

  /** PandaDoc's own pages (50, 50, 20 users), each saying {@code total}. */
  private static Consumer<Map<String, String>> pandaDocPagesClaiming(String total) {
    return env -> {
      for (int page = 1; page <= 4; page++) {
        ObjectNode body = fetch(pandaDoc.baseUrl() + "/public/v1/users?count=50&page=" + page,
            "API-Key " + pandaDoc.apiKey());
        body.put("total", Long.parseLong(total));
        lie(pandaDoc, get(urlPathEqualTo("/public/v1/users"))
            .withQueryParam("page", equalTo(String.valueOf(page))).willReturn(okJson(body.toString())));
      }
    };
  }

  /** Datagrid's own first page, then {@code has_more: true} with no users. */
  private static Consumer<Map<String, String>> datagridEmptySecondPage() {
    return env -> {
      ObjectNode first = fetch(datagrid.baseUrl() + "/organization/users?limit=50",
          "Bearer " + datagrid.apiKey());
      String last = first.get("data").get(49).get("id").asText();
      lie(datagrid, get(urlPathEqualTo("/organization/users")).withQueryParam("after", equalTo(last))
          .willReturn(okJson("{\"object\":\"list\",\"data\":[],\"has_more\":true}")));
    };
  }

  private static void lie(FakeVendor fake, MappingBuilder stub) {
    LIES.add(fake.server().stubFor(stub.atPriority(1)));
  }

  private static ObjectNode fetch(String url, String authorization) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), url);
      return (ObjectNode) JSON.readTree(response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static FakeVendor fakeFor(String vendor) {
    return switch (vendor) {
      case "polytomic" -> polytomic;
      case "datagrid" -> datagrid;
      case "pandadoc" -> pandaDoc;
      case "podero" -> podero;
      case "podero-big" -> poderoBigLifetime;
      case "podero-infinite" -> poderoInfiniteLifetime;
      default -> throw new IllegalArgumentException(vendor);
    };
  }

  private static String cliVendor(String vendor) {
    return vendor.startsWith("podero") ? "podero" : vendor;
  }

  private static Map<String, String> envFor(FakeVendor fake) {
    Map<String, String> env = new HashMap<>();
    if (fake instanceof FakeDatagrid d) {
      SuiteLedger.secret(d.apiKey());
      env.put("DATAGRID_API_KEY", d.apiKey());
      env.put("DATAGRID_BASE_URL", d.baseUrl());
    } else if (fake instanceof FakePandaDoc p) {
      SuiteLedger.secret(p.apiKey());
      env.put("PANDADOC_API_KEY", p.apiKey());
      env.put("PANDADOC_BASE_URL", p.baseUrl());
    } else if (fake instanceof FakePolytomic p) {
      SuiteLedger.secret(p.apiKey());
      env.put("POLYTOMIC_API_KEY", p.apiKey());
      env.put("POLYTOMIC_ORG_ID", p.orgId().toString());
      env.put("POLYTOMIC_BASE_URL", p.baseUrl());
    } else if (fake instanceof FakePodero p) {
      SuiteClients.watchTokens(p);
      SuiteLedger.basicSecret(p.clientId(), p.clientSecret());
      env.put("PODERO_CLIENT_ID", p.clientId());
      env.put("PODERO_CLIENT_SECRET", p.clientSecret());
      env.put("PODERO_ORG_ID", p.orgId().toString());
      env.put("PODERO_BASE_URL", p.baseUrl());
      env.put("PODERO_TOKEN_URL", p.tokenUrl()); // absolute: a cut-off base URL keeps the fake's tokens
    }
    return env;
  }

  /** A loopback socket that answers every request with the same bytes and closes. */
  private static final class CutOff {
    private static final Map<String, String> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

    static String answering(String answer) {
      return RUNNING.computeIfAbsent(answer, CutOff::start);
    }

    private static String start(String answer) {
      try {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> serve(socket, answer.getBytes(StandardCharsets.ISO_8859_1)),
            "lying-server-cut-off");
        acceptor.setDaemon(true);
        acceptor.start();
        return "http://127.0.0.1:" + socket.getLocalPort();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static void serve(ServerSocket socket, byte[] answer) {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          readHead(client.getInputStream());
          client.getOutputStream().write(answer);
          client.getOutputStream().flush();
        } catch (IOException e) {
          // the client went away: serve the next one
        }
      }
    }

    private static void readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r\n\r\n")) {
          return;
        }
      }
    }
  }
}
