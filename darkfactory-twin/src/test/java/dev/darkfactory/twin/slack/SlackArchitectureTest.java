package dev.darkfactory.twin.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Slack twin is written against the public SPI only, like every first-party twin. */
class SlackArchitectureTest {

  private static final JavaClasses SLACK = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.darkfactory.twin.slack");

  @Test
  void theSlackTwinUsesTheSpiOnly() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.darkfactory.twin.runtime..",
        "dev.darkfactory.twin.control..", "dev.darkfactory.twin.stripe..").check(SLACK);
  }
}
