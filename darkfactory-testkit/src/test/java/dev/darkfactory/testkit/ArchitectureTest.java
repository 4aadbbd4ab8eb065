package dev.darkfactory.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses MODULE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.darkfactory.testkit");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.darkfactory.(**)").should().beFreeOfCycles().check(MODULE);
  }

  @Test
  void theTwinSpeaksRawWireJsonAndKnowsNothingOfTheClient() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.darkfactory.llm..").check(MODULE);
  }

  @Test
  void libraryCodeNeverPrints() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MODULE);
  }
}
