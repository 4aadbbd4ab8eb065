package dev.darkfactory.agent.loop;

import dev.darkfactory.agent.Turn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Loop detection (coding-agent-loop-spec §2.10): the signatures (name and arguments hash) of the
 * last {@code window} tool calls, checked for a repeating pattern of length 1, 2 or 3.
 */
public final class LoopDetector {
  private LoopDetector() {}

  /** The warning put in the history and the event (§2.5 step 8). */
  public static String warning(int window) {
    return "Loop detected: the last " + window + " tool calls follow a repeating pattern. Try a different approach.";
  }

  public static boolean detect(List<Turn> history, int window) {
    return repeats(recentSignatures(history, window), window);
  }

  /** {@code detect_loop} on signatures. */
  static boolean repeats(List<String> recent, int window) {
    if (recent.size() < window) {
      return false;
    }
    for (int patternLength = 1; patternLength <= 3; patternLength++) {
      if (window % patternLength != 0) {
        continue;
      }
      List<String> pattern = recent.subList(0, patternLength);
      boolean allMatch = true;
      for (int i = patternLength; i < window; i += patternLength) {
        if (!recent.subList(i, i + patternLength).equals(pattern)) {
          allMatch = false;
          break;
        }
      }
      if (allMatch) {
        return true;
      }
    }
    return false;
  }

  static List<String> recentSignatures(List<Turn> history, int window) {
    List<String> signatures = new ArrayList<>();
    for (Turn turn : history) {
      if (turn instanceof Turn.AssistantTurn assistant) {
        assistant.toolCalls().forEach(call -> signatures.add(call.name() + ":" + hash(call.arguments().toString())));
      }
    }
    return signatures.size() <= window ? signatures : signatures.subList(signatures.size() - window, signatures.size());
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException impossible) {
      return Integer.toHexString(text.hashCode());
    }
  }
}
