package dev.darkfactory.pipeline.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline library's structural rules (style-anchors: packages per concept, no printing). */
class ArchitectureTest {
  /** The one package of the agent module the whole pipeline may use: the environment policy of every process. */
  static final String ENVIRONMENT_POLICY = "dev.darkfactory.agent.env.policy..";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.darkfactory.pipeline");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.darkfactory.pipeline.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theEngineKnowsHandlersByTheirCapabilitiesNotTheirClasses() {
    // Peer lesson: engines that special-cased handler types broke custom handlers (HandlerCapability instead).
    noClasses().that().resideInAPackage("dev.darkfactory.pipeline.engine..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.darkfactory.pipeline.handler..")
            .and(JavaClass.Predicates.simpleNameEndingWith("Handler"))
            .and(com.tngtech.archunit.base.DescribedPredicate.not(JavaClass.Predicates.INTERFACES)))
        .check(classes);
  }

  @Test
  void libraryCodeNeverPrints() {
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .because("libraries publish events; only the CLI prints")
        .check(classes);
  }

  @Test
  void libraryCodeNeverExits() {
    noClasses().should().callMethod(System.class, "exit", int.class).check(classes);
  }

  @Test
  void frontEndDoesNotDependOnTheCommandLine() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.darkfactory.cli..").check(classes);
  }

  @Test
  void onlyTheBackendPackageUsesTheAgentAndTheLlmClient() {
    noClasses().that().resideOutsideOfPackage("dev.darkfactory.pipeline.backend..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("dev.darkfactory.agent..", "dev.darkfactory.llm..")
            .and(com.tngtech.archunit.base.DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(ENVIRONMENT_POLICY))))
        .because("the engine never imports the agent: the agent-backed CodergenBackend is its only adapter (style anchors);"
            + " the one environment policy of every process is the exception (docs/architecture.md)")
        .check(classes);
  }

  @Test
  void theEnvironmentPolicyPackageDependsOnNothingOfTheAgent() {
    // What makes the exception above safe: using the policy pulls in no agent machinery.
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage(ENVIRONMENT_POLICY)
        .should().onlyDependOnClassesThat().resideInAnyPackage(ENVIRONMENT_POLICY, "java..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ENVIRONMENT_POLICY));
  }

  @Test
  void theModelDependsOnNothingButSourcePositions() {
    noClasses().that().resideInAPackage("dev.darkfactory.pipeline.graph..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.darkfactory.pipeline.dot..", "dev.darkfactory.pipeline.lint..", "dev.darkfactory.pipeline.report..",
            "dev.darkfactory.pipeline.render..", "tools.jackson..")
        .check(classes);
  }
}
