package dev.darkfactory.pipeline.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run-time packages depend downwards only: state and human at the bottom, then event, backend,
 * handler, and the engine on top. Handlers reach the engine only through the interfaces it lends
 * them ({@code BranchRunner}, {@code ChildPipelines}).
 */
class RuntimeLayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.darkfactory.pipeline");
  }

  @Test
  void nothingBelowTheEngineDependsOnIt() {
    noClasses().that().resideInAnyPackage("..pipeline.state..", "..pipeline.human..", "..pipeline.event..", "..pipeline.backend..",
            "..pipeline.handler..")
        .should().dependOnClassesThat().resideInAPackage("..pipeline.engine..")
        .check(classes);
  }

  @Test
  void stateKnowsNothingOfHandlersEventsOrBackends() {
    noClasses().that().resideInAPackage("..pipeline.state..")
        .should().dependOnClassesThat().resideInAnyPackage("..pipeline.handler..", "..pipeline.event..", "..pipeline.backend..", "..pipeline.human..")
        .check(classes);
  }

  @Test
  void backendsDoNotDependOnHandlers() {
    noClasses().that().resideInAPackage("..pipeline.backend..")
        .should().dependOnClassesThat().resideInAPackage("..pipeline.handler..")
        .check(classes);
  }

  @Test
  void theEngineNeverTalksToTheAgentModuleDirectly() {
    noClasses().that().resideOutsideOfPackage("..pipeline.backend..")
        .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
            .resideInAnyPackage("dev.darkfactory.agent..", "dev.darkfactory.llm..")
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ArchitectureTest.ENVIRONMENT_POLICY))))
        .because("LLM work goes through CodergenBackend; only the backend package (its agent-backed adapter, issue 6) uses the"
            + " agent module, except for the environment policy every process shares")
        .check(classes);
  }

  @Test
  void onlyTheAgentAdapterUsesTheAgentModule() {
    noClasses().that().resideOutsideOfPackage("..pipeline.backend.agent..")
        .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.darkfactory.agent..")
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ArchitectureTest.ENVIRONMENT_POLICY))))
        .because("the backend vocabulary (BackendKind, BackendSpec) is plain data; Backends in backend.agent builds the agent from it;"
            + " the environment policy every process shares is the one exception")
        .check(classes);
  }
}
