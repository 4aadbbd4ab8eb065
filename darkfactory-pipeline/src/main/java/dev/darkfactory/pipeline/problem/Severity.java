package dev.darkfactory.pipeline.problem;

import java.util.Locale;

/** How serious a diagnostic is (attractor-spec.md 7.1). */
public enum Severity {
  /** The pipeline will not execute. */
  ERROR,
  /** The pipeline will execute but may not behave as intended. */
  WARNING,
  /** Informational. */
  INFO;

  /** {@code error}, {@code warning} or {@code info}: the form used in JSON and on the terminal. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
