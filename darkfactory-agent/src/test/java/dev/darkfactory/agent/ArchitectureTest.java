package dev.darkfactory.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/**
 * The module's structure. The root package is the API facade (style anchors: {@code Session},
 * {@code SessionConfig}, {@code AgentEvent}, {@code Turn}, {@code AgentException}): it uses the
 * sub-packages and they use its value types, so cycles through the root are by design. Among the
 * sub-packages there are none, and the layers below hold.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.darkfactory.agent";

  private static final JavaClasses MODULE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  private static final JavaClasses EVERYTHING = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.darkfactory");

  @Test
  void subPackagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MODULE);
  }

  @Test
  void executionEnvironmentsKnowNothingOfToolsOrTheLoop() {
    noClasses().that().resideInAPackage(ROOT + ".env..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".tool..", ROOT + ".edit..", ROOT + ".loop..",
            ROOT + ".profile..", ROOT + ".prompt..", ROOT + ".subagent..")
        .check(MODULE);
  }

  @Test
  void editingFormatsDependOnlyOnTheEnvironment() {
    noClasses().that().resideInAPackage(ROOT + ".edit..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".tool..", ROOT + ".loop..", ROOT + ".profile..",
            ROOT + ".prompt..", ROOT + ".subagent..")
        .check(MODULE);
  }

  @Test
  void toolsKnowNothingOfProfilesTheLoopOrSubagents() {
    noClasses().that().resideInAPackage(ROOT + ".tool..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".loop..", ROOT + ".profile..", ROOT + ".prompt..",
            ROOT + ".subagent..")
        .check(MODULE);
  }

  @Test
  void profilesAndPromptsSitBelowTheLoop() {
    noClasses().that().resideInAnyPackage(ROOT + ".profile..", ROOT + ".prompt..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".loop..", ROOT + ".subagent..")
        .check(MODULE);
  }

  @Test
  void theLoopDoesNotKnowSubagentsAndSubagentsDoNotKnowTheLoop() {
    noClasses().that().resideInAPackage(ROOT + ".loop..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".subagent..").check(MODULE);
    noClasses().that().resideInAPackage(ROOT + ".subagent..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".loop..", ROOT + ".profile..").check(MODULE);
  }

  @Test
  void onlySubagentsUseTheSessionFacade() {
    noClasses().that().resideInAnyPackage(ROOT + ".env..", ROOT + ".edit..", ROOT + ".tool..", ROOT + ".loop..",
            ROOT + ".profile..", ROOT + ".prompt..", ROOT + ".internal..")
        .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".Session")
        .check(MODULE);
  }

  @Test
  void libraryCodeNeverPrints() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MODULE);
  }

  @Test
  void nothingOutsideTheModuleUsesItsInternals() {
    noClasses().that().resideOutsideOfPackage(ROOT + "..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".internal..")
        .check(EVERYTHING);
  }

  @Test
  void noGenericExceptionsAreThrown() {
    GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(MODULE);
  }
}
