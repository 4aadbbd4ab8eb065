package dev.darkfactory.twin;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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
      .importPackages("dev.darkfactory.twin");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.darkfactory.(**)").should().beFreeOfCycles().check(MODULE);
  }

  @Test
  void theModuleDependsOnNoOtherModuleOfOurs() {
    noClasses().should().dependOnClassesThat(resideInAPackage("dev.darkfactory..")
        .and(not(resideInAPackage("dev.darkfactory.twin..")))).check(MODULE);
  }

  @Test
  void libraryCodeNeverPrints() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MODULE);
  }

  @Test
  void theHttpServerIsAnImplementationDetailOfTheRuntime() {
    noClasses().that().resideOutsideOfPackage("dev.darkfactory.twin.runtime..")
        .should().dependOnClassesThat(resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet.."))
        .check(MODULE);
  }

  @Test
  void firstPartyTwinsAreWrittenAgainstThePublicSpiOnly() {
    noClasses().that().resideInAnyPackage("dev.darkfactory.twin.stripe..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.darkfactory.twin.runtime..", "dev.darkfactory.twin.control..")
        .check(MODULE);
  }

  @Test
  void lowerLayersNeverReachUp() {
    noClasses().that().resideInAnyPackage("dev.darkfactory.twin.document..", "dev.darkfactory.twin.clock..",
            "dev.darkfactory.twin.journal..", "dev.darkfactory.twin.fault..", "dev.darkfactory.twin.webhook..",
            "dev.darkfactory.twin.spi..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.darkfactory.twin.runtime..", "dev.darkfactory.twin.control..")
        .check(MODULE);
    noClasses().that().resideInAPackage("dev.darkfactory.twin.control..")
        .should().dependOnClassesThat().resideInAPackage("dev.darkfactory.twin.runtime..")
        .check(MODULE);
  }
}
