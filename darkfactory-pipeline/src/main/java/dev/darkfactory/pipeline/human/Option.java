package dev.darkfactory.pipeline.human;

import java.util.Objects;

/**
 * One choice of a multiple-choice question (attractor-spec.md 6.2).
 *
 * @param key the accelerator key ({@code Y}, {@code A})
 * @param label the text shown
 */
public record Option(String key, String label) {
  public Option {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
  }
}
