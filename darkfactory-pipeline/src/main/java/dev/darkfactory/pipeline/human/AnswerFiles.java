package dev.darkfactory.pipeline.human;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers written down in advance, for a {@link QueueInterviewer} ({@code factory run --answers
 * FILE}): a JSON list, one entry per question, in the order the questions will be asked.
 *
 * <pre>
 * ["A", "[F] Fix", {"key": "A"}, {"value": "yes"}, {"text": "ship it"}, {"value": "skipped"}]
 * </pre>
 *
 * A string names an option by number, accelerator key or label (or is free text); {@code {"key":
 * K}} names an option by key; {@code {"value": "yes"|"no"|"skipped"|"timeout"}} is one of those
 * answers; {@code {"text": T}} is free text.
 */
public final class AnswerFiles {
  private AnswerFiles() {}

  /** @throws IllegalArgumentException naming the entry that is not an answer */
  public static List<Answer> parse(String json) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("expected a JSON list of answers, such as [\"A\", {\"value\": \"yes\"}]");
    }
    List<Answer> answers = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root) {
      answers.add(answer(entry, index++));
    }
    return List.copyOf(answers);
  }

  private static Answer answer(JsonNode entry, int index) {
    if (entry.isString()) {
      return Answer.text(entry.stringValue());
    }
    if (entry.isObject() && entry.size() == 1) {
      if (entry.has("key") && entry.get("key").isString()) {
        String key = entry.get("key").stringValue();
        return Answer.selected(new Option(key, key));
      }
      if (entry.has("text") && entry.get("text").isString()) {
        return Answer.text(entry.get("text").stringValue());
      }
      if (entry.has("value") && entry.get("value").isString()) {
        return switch (entry.get("value").stringValue().toLowerCase(Locale.ROOT)) {
          case "yes" -> Answer.yes();
          case "no" -> Answer.no();
          case "skipped", "skip" -> Answer.skipped();
          case "timeout" -> Answer.timeout();
          default -> throw new IllegalArgumentException("answer " + index + ": \"value\" must be yes, no, skipped or timeout");
        };
      }
    }
    throw new IllegalArgumentException("answer " + index + " is not an answer: use a string, {\"key\": K}, {\"value\": \"yes\"|\"no\"|\"skipped\"|\"timeout\"} or {\"text\": T}");
  }
}
