package dev.saasusers.common.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of {@code common}: packages stacked without cycles, each using only those below it,
 * and no state smuggled between layers on a thread.
 *
 * <pre>
 *   client  (facade base, runtime assembly, per-call options)
 *   user    (the cross-vendor view)
 *   paging  (listings, sync and async)
 *   config  (ClientOptions)
 *   auth    (credentials, tokens)
 *   http    (pipeline, retry loop, exceptions, events; depends on nothing of ours)
 * </pre>
 */
class ArchitectureTest {
  private static final String ROOT = "dev.saasusers.common";
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    // The main classes directory only: scanning the test classpath's jars (WireMock's is large)
    // for the package would take seconds.
    Path classes = Path.of("target", "classes");
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPath(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("http").definedBy(ROOT + ".http..")
        .layer("auth").definedBy(ROOT + ".auth..")
        .layer("config").definedBy(ROOT + ".config..")
        .layer("paging").definedBy(ROOT + ".paging..")
        .layer("user").definedBy(ROOT + ".user..")
        .layer("client").definedBy(ROOT + ".client..")
        .whereLayer("client").mayNotBeAccessedByAnyLayer()
        .whereLayer("user").mayOnlyBeAccessedByLayers("client")
        .whereLayer("paging").mayOnlyBeAccessedByLayers("user", "client")
        .whereLayer("config").mayOnlyBeAccessedByLayers("client")
        .whereLayer("auth").mayOnlyBeAccessedByLayers("config", "client")
        .whereLayer("http").mayOnlyBeAccessedByLayers("auth", "config", "paging", "user", "client")
        .check(main);
  }

  @Test
  void noThreadLocalCarriesStateBetweenLayers() {
    noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
        .because("call, retry and paging state is passed explicitly (see HttpPipeline)")
        .check(main);
  }
}
