package dev.saasusers.spectools;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequireOperationsTest {

  @ParameterizedTest
  @ValueSource(strings = {"polytomic", "datagrid", "pandadoc", "podero"})
  void committedSpecsHaveTheOperationsTheirPomsRequire(String vendor) {
    List<RequiredOperation> required =
        RequiredOperation.parseList(ProjectFiles.vendorPomProperty(vendor, "vendor.requiredOperations"));
    assertDoesNotThrow(() -> RequireOperations.check(
        ProjectFiles.vendorPomProperty(vendor, "vendor.apiTag"), ProjectFiles.spec(vendor),
        "specs/x", vendor + "-client", required));
  }

  @Test
  void parsesOperationIdsWithOptionalEndpoints() {
    assertEquals(
        List.of(new RequiredOperation("listUsers", "GET /public/v1/users"),
            new RequiredOperation("Users.listOrganizationUsers", "")),
        RequiredOperation.parseList(" listUsers = get /public/v1/users , Users.listOrganizationUsers"));
  }

  @Test
  void anEmptyListIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RequiredOperation.parseList(" , "));
    assertEquals("no required operations given: ' , '", e.getMessage());
  }

  @Test
  void mainNamesVendorSpecFileAndOperationRelativeToTheRoot() {
    Path root = ProjectFiles.root();
    MissingOperationException e = assertThrows(MissingOperationException.class,
        () -> RequireOperations.main(new String[] {
            "--vendor", "PandaDoc",
            "--spec", root.resolve("specs/pandadoc.json").toString(),
            "--root", root.toString(),
            "--module", "pandadoc-client",
            "--operations", "listUsers=GET /public/v1/users,deleteUser=DELETE /public/v1/users/{id}"}));
    assertEquals(
        "[PandaDoc] specs/pandadoc.json has no operation 'deleteUser' (DELETE /public/v1/users/{id}),"
            + " which the PandaDoc facade needs. The spec has no DELETE /public/v1/users/{id} either."
            + " Keep the previous spec (git checkout -- <spec>), or adapt the facade and"
            + " pandadoc-client/pom.xml; scripts/spec-diff <old> <new> shows what changed.",
        e.getMessage());
    assertEquals(List.of(new RequiredOperation("deleteUser", "DELETE /public/v1/users/{id}")),
        e.missing());
  }

  @Test
  void mainRejectsMissingArguments() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequireOperations.main(new String[] {"--vendor", "PandaDoc"}));
    assertTrue(e.getMessage().startsWith("missing --spec. Usage: RequireOperations"), e.getMessage());
  }

  @Test
  void anUnreadableSpecIsNamed() {
    SpecReadException e = assertThrows(SpecReadException.class,
        () -> RequireOperations.check("Podero", Path.of("no/such/podero.yaml"), "podero.yaml", "",
            RequiredOperation.parseList("x")));
    assertEquals("no/such/podero.yaml does not exist", e.getMessage());
  }
}
