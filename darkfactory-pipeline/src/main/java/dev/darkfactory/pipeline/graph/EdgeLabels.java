package dev.darkfactory.pipeline.graph;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edge labels as routing keys: accelerator keys for human gates (attractor-spec.md 4.6) and the
 * normalised form preferred-label matching compares (3.3 step 2).
 */
public final class EdgeLabels {
  private static final Pattern BRACKETED = Pattern.compile("^\\[([A-Za-z0-9]{1,3})\\]\\s*(.*)$", Pattern.DOTALL);
  private static final Pattern PARENTHESIS = Pattern.compile("^([A-Za-z0-9])\\)\\s+(.*)$", Pattern.DOTALL);
  private static final Pattern DASH = Pattern.compile("^([A-Za-z0-9])\\s+-\\s+(.*)$", Pattern.DOTALL);

  private EdgeLabels() {}

  /**
   * The accelerator key of a label (4.6): {@code [K] Label}, {@code K) Label}, {@code K - Label},
   * else the first character, upper-cased. An empty label has an empty key.
   */
  public static String acceleratorKey(String label) {
    String text = label.strip();
    for (Pattern pattern : new Pattern[] {BRACKETED, PARENTHESIS, DASH}) {
      Matcher m = pattern.matcher(text);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return text.isEmpty() ? "" : text.substring(0, text.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
  }

  /** The label without its accelerator prefix, as written: {@code [A] Approve} gives {@code Approve}. */
  public static String withoutAccelerator(String label) {
    String text = label.strip();
    for (Pattern pattern : new Pattern[] {BRACKETED, PARENTHESIS, DASH}) {
      Matcher m = pattern.matcher(text);
      if (m.matches()) {
        return m.group(2).strip();
      }
    }
    return text;
  }

  /** 3.3 label normalisation: accelerator prefix stripped, trimmed, lower-cased. */
  public static String normalize(String label) {
    return withoutAccelerator(label).toLowerCase(Locale.ROOT);
  }
}
