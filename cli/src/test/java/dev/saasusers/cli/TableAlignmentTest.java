package dev.saasusers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table lines up by display width, whatever script or emoji the names hold. */
class TableAlignmentTest extends FakeVendorsTest {

  @Test
  void columnsStartAtTheSameDisplayColumnOnEveryLine() {
    StubMapping stub = fakes.datagrid.server().stubFor(get(urlPathEqualTo("/organization/users"))
        .willReturn(okJson("""
        {"object":"list","has_more":false,"data":[
          {"id":"usr_1","email":"a@example.com","first_name":"Ann","last_name":"Lee","permissions":{"role":"member"}},
          {"id":"usr_2","email":"b@example.com","first_name":"山田","last_name":"太郎","permissions":{"role":"admin"}},
          {"id":"usr_3","email":"c@example.com","first_name":"Zoe\\u0301","last_name":"😀👨‍👩‍👧","permissions":{"role":"member"}},
          {"id":"usr_4","email":"d@example.com","first_name":"김민준김민준김민준김민준김민준","last_name":"🇯🇵","permissions":{"role":"owner"}}]}
        """)));
    try {
      CliRun run = CliRun.of(fakes.env(Vendor.DATAGRID), "list", "datagrid");

      assertEquals(0, run.exitCode(), run::toString);
      List<String> lines = run.outLines();
      assertEquals(5, lines.size(), run::toString);
      int rolesColumn = DisplayWidth.of(lines.get(0).substring(0, lines.get(0).indexOf("ROLES")));
      for (String line : lines.subList(1, lines.size())) {
        String beforeRoles = line.substring(0, line.lastIndexOf("  ") + 2);
        assertEquals(rolesColumn, DisplayWidth.of(beforeRoles), "misaligned: " + line);
      }
      assertEquals(true, lines.get(4).contains("…"), "the long name is cut: " + lines.get(4));
    } finally {
      fakes.datagrid.server().removeStub(stub);
    }
  }
}
