package dev.darkfactory.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server module's structural rules (style-anchors: .api routes, .sse streams, .dto wire records). */
class ArchitectureTest {
  private static JavaClasses server;

  @BeforeAll
  static void importClasses() {
    server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.darkfactory.server");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.darkfactory.server.(*)..").should().beFreeOfCycles().check(server);
  }

  @Test
  void theServerNeverPrintsOrExits() {
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .orShould().callMethod(System.class, "exit", int.class)
        .because("the server reports through ServerEvents; only the CLI prints").check(server);
  }

  @Test
  void wireRecordsAreNotDomainTypes() {
    noClasses().that().resideInAPackage("dev.darkfactory.server.dto..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.darkfactory.pipeline..", "dev.darkfactory.server.run..",
            "dev.darkfactory.server.store..", "io.javalin..")
        .check(server);
    classes().that().resideInAPackage("dev.darkfactory.server.dto..").and().areTopLevelClasses().should().beRecords().check(server);
  }

  @Test
  void onlyTheApiAndTheServerKnowJavalinRouting() {
    noClasses().that().resideInAnyPackage("dev.darkfactory.server.run..", "dev.darkfactory.server.store..")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..").check(server);
  }

  @Test
  void theServerDoesNotDependOnTheCommandLine() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.darkfactory.cli..").check(server);
  }
}
