package dev.darkfactory.cli.twin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The testkit is not in factory.jar (docs/architecture.md): a product class that named one of its
 * types would fail at run time. Only {@code TwinServers}, which the twin commands load once the
 * testkit is reachable, may.
 */
class TestkitBoundaryTest {
  private static final JavaClasses CLI = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.darkfactory.cli");

  @Test
  void onlyTheTwinServersNameTheTestkit() {
    noClasses().that().doNotHaveFullyQualifiedName(TwinServers.class.getName())
        .should().dependOnClassesThat().resideInAPackage("dev.darkfactory.testkit..")
        .because("the testkit is loaded only by 'factory twin' and the conformance training, through Testkit")
        .check(CLI);
  }
}
