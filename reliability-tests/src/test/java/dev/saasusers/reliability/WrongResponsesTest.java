package dev.saasusers.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakePandaDoc;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Responses that are wrong give the SDK's typed exception naming the vendor and the status, never
 * a raw Jackson or Feign exception, and never a message holding the whole body.
 */
@ExtendWith(SuiteLedger.class)
class WrongResponsesTest {
  private static final int TEN_MB = 10 * 1024 * 1024;
  private static FakeDatagrid datagrid;
  private static FakePandaDoc pandaDoc;

  @BeforeAll
  static void startFakes() {
    datagrid = FakeDatagrid.start(10);
    pandaDoc = FakePandaDoc.start(10);
  }

  @AfterAll
  static void stopFakes() {
    datagrid.close();
    pandaDoc.close();
  }

  static Stream<Arguments> wrong() {
    String html = "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>";
    return Stream.of(
        Arguments.of("HTML instead of JSON, 200", 200,
            aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(html), 0L),
        Arguments.of("HTML error page, 502", 502,
            aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(html), 0L),
        Arguments.of("the user list is a string", 200, json(200,
            // Datagrid lists in "data", PandaDoc in "results": both get a string.
            "{\"object\":\"list\",\"data\":\"oops\",\"results\":\"oops\",\"total\":1,\"has_more\":false}"), 0L),
        Arguments.of("200 with invalid JSON", 200, json(200, "{\"object\":\"list\",\"data\":[},\"has_more\":false}"), 0L),
        Arguments.of("10 MB of garbage", 200, json(200, "x".repeat(TEN_MB)), 0L),
        Arguments.of("10 MB over maxResponseBytes", 200,
            json(200, "{\"object\":\"list\",\"data\":[],\"pad\":\"" + "x".repeat(TEN_MB) + "\"}"), 1024L * 1024));
  }

  @ParameterizedTest(name = "Datagrid: {0}")
  @MethodSource("wrong")
  void datagridGivesTypedExceptionNamingVendorAndStatus(String name, int status,
      ResponseDefinitionBuilder response, long maxBytes) {
    datagrid.server().stubFor(get(urlPathEqualTo("/organization/users")).willReturn(response));
    try (DatagridClient client = SuiteClients.datagrid(datagrid).maxRetries(0)
        .options(limit(maxBytes)).build()) {
      assertTyped(name, "Datagrid", status, () -> client.users().list().toList());
    }
  }

  @ParameterizedTest(name = "PandaDoc: {0}")
  @MethodSource("wrong")
  void pandaDocGivesTypedExceptionNamingVendorAndStatus(String name, int status,
      ResponseDefinitionBuilder response, long maxBytes) {
    pandaDoc.server().stubFor(get(urlPathEqualTo("/public/v1/users")).willReturn(response));
    try (PandaDocClient client = SuiteClients.pandaDoc(pandaDoc).maxRetries(0)
        .options(limit(maxBytes)).build()) {
      assertTyped(name, "PandaDoc", status, () -> client.users().list().toList());
    }
  }

  private static Consumer<dev.saasusers.common.config.ClientOptions.Builder> limit(long maxBytes) {
    return o -> {
      if (maxBytes > 0) {
        o.maxResponseBytes(maxBytes);
      }
    };
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static void assertTyped(String name, String vendor, int status,
      org.junit.jupiter.api.function.Executable listing) {
    RuntimeException e = assertThrows(RuntimeException.class, listing, name);
    SuiteLedger.exception(vendor + " " + name, e);
    assertTrue(e instanceof SdkException, name + ": not the SDK's exception but " + e.getClass().getName());
    String type = e.getClass().getName();
    assertFalse(type.startsWith("feign.") || type.startsWith("com.fasterxml."), type);
    String message = e.getMessage();
    assertTrue(message.contains(vendor), name + ": message does not name " + vendor + ": " + message);
    assertTrue(message.contains(String.valueOf(status)),
        name + ": message does not name status " + status + ": " + message);
    assertTrue(message.length() < 10_000, name + ": message of " + message.length() + " chars");
  }
}
