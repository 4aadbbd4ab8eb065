package dev.darkfactory.cli.doctor;

import java.util.Objects;

/**
 * One line of {@code factory doctor}: what was checked, how it went, what was found, and what to
 * do when it is not fine.
 */
public record Finding(String subject, Status status, String detail, String fix) {
  /** {@code OK}; {@code WARN} for optional tools and a missing provider; {@code FAIL} for what stops runs. */
  public enum Status {
    OK, WARN, FAIL
  }

  public Finding {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fix, "fix");
  }

  static Finding ok(String subject, String detail) {
    return new Finding(subject, Status.OK, detail, "");
  }
}
