package dev.darkfactory.pipeline.human;

import dev.darkfactory.pipeline.graph.EdgeLabels;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which option a typed or recorded answer names: a 1-based number, an accelerator key (any case),
 * or a label (compared the way 3.3 normalises labels).
 */
public final class Choices {
  private Choices() {}

  public static Optional<Option> match(List<Option> options, String answer) {
    String text = answer.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.chars().allMatch(Character::isDigit) && text.length() < 6) {
      int index = Integer.parseInt(text);
      if (index >= 1 && index <= options.size()) {
        return Optional.of(options.get(index - 1));
      }
    }
    for (Option option : options) {
      if (option.key().equalsIgnoreCase(text)) {
        return Optional.of(option);
      }
    }
    String normal = EdgeLabels.normalize(text);
    for (Option option : options) {
      if (EdgeLabels.normalize(option.label()).equals(normal) || option.label().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }
}
