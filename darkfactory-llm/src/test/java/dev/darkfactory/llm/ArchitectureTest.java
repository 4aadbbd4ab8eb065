package dev.darkfactory.llm;

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
      .importPackages("dev.darkfactory.llm");

  private static final JavaClasses EVERYTHING = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.darkfactory");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.darkfactory.(**)").should().beFreeOfCycles().check(MODULE);
  }

  @Test
  void nothingOutsideTheModuleUsesItsInternals() {
    noClasses().that().resideOutsideOfPackage("dev.darkfactory.llm..")
        .should().dependOnClassesThat().resideInAPackage("dev.darkfactory.llm.internal..")
        .check(EVERYTHING);
  }

  @Test
  void libraryCodeNeverPrints() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MODULE);
  }

  @Test
  void translatorsArePureOnlyAdaptersDoIo() {
    noClasses().that().haveSimpleNameEndingWith("Translator")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.darkfactory.llm.internal.http.HttpTransport")
        .check(MODULE);
  }

  @Test
  void thePublicApiDoesNotDependOnProviders() {
    noClasses().that().resideInAnyPackage("dev.darkfactory.llm", "dev.darkfactory.llm.generate", "dev.darkfactory.llm.catalog",
            "dev.darkfactory.llm.config")
        .should().dependOnClassesThat().resideInAPackage("dev.darkfactory.llm.provider..")
        .check(MODULE);
  }
}
