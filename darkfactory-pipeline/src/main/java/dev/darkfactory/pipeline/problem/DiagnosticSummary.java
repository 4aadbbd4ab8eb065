package dev.darkfactory.pipeline.problem;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Diagnostics as a person or a client is shown them: at most {@link Limits#perRule()} of each rule
 * (and severity) and {@link Limits#total()} in all, each rule's remainder summed up in one {@link Omitted} line
 * ("... and 12,345 more unknown_attribute warnings"), and the full counts kept. A generated or
 * pasted pipeline can repeat one mistake tens of thousands of times; listing every one turned 469
 * KB of DOT into 24 MB of JSON, and helped nobody.
 *
 * <p>When the total cap bites, errors are kept before warnings and warnings before notes, so a
 * flood of warnings never hides the error that stops the run. What is shown keeps the order of the
 * input (validation sorts by position).
 *
 * @param shown the diagnostics listed, in their original order
 * @param omitted per rule and severity, how many were not listed
 * @param total how many diagnostics there were
 * @param byRule how many of each rule, sorted by rule name
 * @param bySeverity how many of each severity
 */
public record DiagnosticSummary(
    List<Diagnostic> shown, List<Omitted> omitted, int total, Map<String, Integer> byRule, Map<Severity, Integer> bySeverity) {

  public DiagnosticSummary {
    shown = List.copyOf(shown);
    omitted = List.copyOf(omitted);
    byRule = Collections.unmodifiableMap(new TreeMap<>(byRule));
    Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
    severities.putAll(bySeverity);
    bySeverity = Collections.unmodifiableMap(severities);
  }

  /**
   * How many to list.
   *
   * @param perRule at most this many of one rule and severity
   * @param total at most this many in all
   */
  public record Limits(int perRule, int total) {
    /** 20 of a rule, 200 in all: enough to see every kind of problem and where it starts. */
    public static final Limits DEFAULT = new Limits(20, 200);
    /** Everything ({@code factory validate --all}). */
    public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public Limits {
      if (perRule < 1 || total < 1) {
        throw new IllegalArgumentException("diagnostic limits must be positive");
      }
    }
  }

  /** The diagnostics of one rule and severity that were not listed. */
  public record Omitted(String rule, Severity severity, int count) {
    public Omitted {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(severity, "severity");
    }

    /** "... and 12,345 more unknown_attribute warnings". */
    public String message() {
      String noun = switch (severity) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "note";
      };
      return String.format(Locale.ROOT, "... and %,d more %s %s%s", count, rule, noun, count == 1 ? "" : "s");
    }

    /** The line as a diagnostic of the same rule and severity, without a position. */
    public Diagnostic asDiagnostic() {
      Diagnostic.Builder builder = switch (severity) {
        case ERROR -> Diagnostic.error(rule, message());
        case WARNING -> Diagnostic.warning(rule, message());
        case INFO -> Diagnostic.info(rule, message());
      };
      return builder.build();
    }
  }

  public static DiagnosticSummary of(List<Diagnostic> diagnostics) {
    return of(diagnostics, Limits.DEFAULT);
  }

  public static DiagnosticSummary of(List<Diagnostic> diagnostics, Limits limits) {
    Map<String, Integer> byRule = new HashMap<>();
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    Map<Kind, Integer> byKind = new HashMap<>();
    BitSet kept = new BitSet(diagnostics.size());
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      byRule.merge(d.rule(), 1, Integer::sum);
      bySeverity.merge(d.severity(), 1, Integer::sum);
      // Capped per rule and severity: a rule's warnings must not crowd out its errors.
      if (byKind.merge(Kind.of(d), 1, Integer::sum) <= limits.perRule()) {
        kept.set(i);
      }
    }
    if (kept.cardinality() > limits.total()) {
      kept = mostSevere(diagnostics, kept, limits.total());
    }
    List<Diagnostic> shown = new ArrayList<>(kept.cardinality());
    Map<Kind, Integer> shownCounts = new HashMap<>();
    for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
      Diagnostic d = diagnostics.get(i);
      shown.add(d);
      shownCounts.merge(Kind.of(d), 1, Integer::sum);
    }
    return new DiagnosticSummary(shown, omittedOf(diagnostics, shownCounts), diagnostics.size(), byRule, bySeverity);
  }

  /** Of the kept indices, the first {@code max} by severity (errors first), each severity in its original order. */
  private static BitSet mostSevere(List<Diagnostic> diagnostics, BitSet kept, int max) {
    BitSet chosen = new BitSet(diagnostics.size());
    for (Severity severity : Severity.values()) {
      for (int i = kept.nextSetBit(0); i >= 0 && chosen.cardinality() < max; i = kept.nextSetBit(i + 1)) {
        if (diagnostics.get(i).severity() == severity) {
          chosen.set(i);
        }
      }
    }
    return chosen;
  }

  /** A rule and a severity: what one omitted line counts. */
  private record Kind(String rule, Severity severity) {
    static Kind of(Diagnostic d) {
      return new Kind(d.rule(), d.severity());
    }
  }

  private static List<Omitted> omittedOf(List<Diagnostic> diagnostics, Map<Kind, Integer> shownCounts) {
    Map<Kind, Integer> all = new HashMap<>();
    diagnostics.forEach(d -> all.merge(Kind.of(d), 1, Integer::sum));
    List<Omitted> omitted = new ArrayList<>();
    all.forEach((key, count) -> {
      int missing = count - shownCounts.getOrDefault(key, 0);
      if (missing > 0) {
        omitted.add(new Omitted(key.rule(), key.severity(), missing));
      }
    });
    omitted.sort(Comparator.comparing(Omitted::severity).thenComparing(Omitted::rule));
    return omitted;
  }

  /** How many were not listed. */
  public int omittedCount() {
    return total - shown.size();
  }

  public int count(Severity severity) {
    return bySeverity.getOrDefault(severity, 0);
  }

  /** No errors among all of them, listed or not (attractor-spec.md 7.1). */
  public boolean valid() {
    return count(Severity.ERROR) == 0;
  }

  /** What to print or send: the listed diagnostics, then one summary line per omitted rule and severity. */
  public List<Diagnostic> listed() {
    List<Diagnostic> listed = new ArrayList<>(shown);
    omitted.forEach(o -> listed.add(o.asDiagnostic()));
    return listed;
  }
}
