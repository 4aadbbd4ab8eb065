package dev.darkfactory.pipeline.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.DiagnosticSummary.Limits;
import dev.darkfactory.pipeline.problem.DiagnosticSummary.Omitted;
import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiagnosticSummaryTest {
  static Diagnostic warning(String rule, int line) {
    return Diagnostic.warning(rule, rule + " on line " + line).at(SourcePosition.of("p.dot", line, 1)).build();
  }

  static Diagnostic error(String rule, int line) {
    return Diagnostic.error(rule, rule + " on line " + line).at(SourcePosition.of("p.dot", line, 1)).build();
  }

  static List<Diagnostic> many(String rule, int count, int firstLine) {
    return IntStream.range(0, count).mapToObj(i -> warning(rule, firstLine + i)).toList();
  }

  @Test
  void aRuleRepeatedManyTimesIsListedUpToItsCapAndCounted() {
    List<Diagnostic> all = new ArrayList<>(many("unknown_attribute", 12_365, 1));
    all.addAll(many("prompt_on_llm_nodes", 3, 20_000));
    DiagnosticSummary summary = DiagnosticSummary.of(all, Limits.DEFAULT);
    assertThat(summary.total()).isEqualTo(12_368);
    assertThat(summary.shown()).hasSize(23);
    assertThat(summary.shown().subList(0, 20)).isEqualTo(all.subList(0, 20));
    assertThat(summary.shown().subList(20, 23)).isEqualTo(all.subList(12_365, 12_368));
    assertThat(summary.omitted()).containsExactly(new Omitted("unknown_attribute", Severity.WARNING, 12_345));
    assertThat(summary.omitted().getFirst().message()).isEqualTo("... and 12,345 more unknown_attribute warnings");
    assertThat(summary.byRule()).isEqualTo(Map.of("unknown_attribute", 12_365, "prompt_on_llm_nodes", 3));
    assertThat(summary.count(Severity.WARNING)).isEqualTo(12_368);
    assertThat(summary.count(Severity.ERROR)).isZero();
    assertThat(summary.valid()).isTrue();
    assertThat(summary.omittedCount()).isEqualTo(12_345);
    assertThat(summary.listed()).hasSize(24);
    Diagnostic line = summary.listed().getLast();
    assertThat(line.rule()).isEqualTo("unknown_attribute");
    assertThat(line.severity()).isEqualTo(Severity.WARNING);
    assertThat(line.position().isKnown()).isFalse();
  }

  @Test
  void theTotalCapKeepsErrorsBeforeWarnings() {
    List<Diagnostic> all = new ArrayList<>();
    for (int rule = 0; rule < 30; rule++) {
      all.addAll(many("rule_" + rule, 20, rule * 100));
    }
    all.add(error("terminal_node", 99_999));
    DiagnosticSummary summary = DiagnosticSummary.of(all, new Limits(20, 50));
    assertThat(summary.shown()).hasSize(50);
    assertThat(summary.shown()).contains(all.getLast());
    assertThat(summary.shown().getLast()).as("original order kept").isEqualTo(all.getLast());
    assertThat(summary.valid()).isFalse();
    assertThat(summary.omitted()).hasSize(28).contains(new Omitted("rule_2", Severity.WARNING, 11), new Omitted("rule_29", Severity.WARNING, 20));
    assertThat(summary.omitted().stream().mapToInt(Omitted::count).sum() + summary.shown().size()).isEqualTo(all.size());
  }

  @Test
  void severitiesOfOneRuleAreSummarisedApart() {
    List<Diagnostic> all = new ArrayList<>(many("attribute_type", 21, 1));
    IntStream.range(0, 22).forEach(i -> all.add(error("attribute_type", 100 + i)));
    DiagnosticSummary summary = DiagnosticSummary.of(all, new Limits(20, 200));
    assertThat(summary.omitted()).containsExactly(new Omitted("attribute_type", Severity.ERROR, 2), new Omitted("attribute_type", Severity.WARNING, 1));
    assertThat(summary.shown()).hasSize(40).filteredOn(Diagnostic::isError).hasSize(20);
    assertThat(summary.omitted().getLast().message()).isEqualTo("... and 1 more attribute_type warning");
    assertThat(new Omitted("x", Severity.ERROR, 1).message()).isEqualTo("... and 1 more x error");
    assertThat(new Omitted("x", Severity.INFO, 2).message()).isEqualTo("... and 2 more x notes");
  }

  @Test
  void noLimitsListsEverything() {
    List<Diagnostic> all = many("unknown_attribute", 5_000, 1);
    DiagnosticSummary summary = DiagnosticSummary.of(all, Limits.NONE);
    assertThat(summary.shown()).isEqualTo(all);
    assertThat(summary.omitted()).isEmpty();
    assertThat(summary.listed()).isEqualTo(all);
  }

  @Test
  void fewDiagnosticsAreListedAsTheyAre() {
    List<Diagnostic> all = List.of(warning("a", 1), error("b", 2));
    DiagnosticSummary summary = DiagnosticSummary.of(all);
    assertThat(summary.listed()).isEqualTo(all);
    assertThat(DiagnosticSummary.of(List.of()).valid()).isTrue();
    assertThat(DiagnosticSummary.of(List.of()).total()).isZero();
  }

  @Test
  void aValidationExceptionWithThousandsOfErrorsHasAReadableMessage() {
    List<Diagnostic> errors = IntStream.range(0, 10_000).mapToObj(i -> error("edge_target_exists", i + 1)).toList();
    ValidationException e = new ValidationException(errors);
    assertThat(e.getMessage()).startsWith("the pipeline has 10000 errors:").contains("... and 9,980 more edge_target_exists errors");
    assertThat(e.getMessage().lines().count()).isEqualTo(22);
    assertThat(e.diagnostics()).hasSize(10_000);
  }
}
