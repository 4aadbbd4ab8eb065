package dev.darkfactory.server.run;

import dev.darkfactory.server.ServerException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Run, question and node identifiers as they arrive in URLs: checked against strict patterns
 * before they name anything, so no path parameter can reach the filesystem unvetted.
 */
public final class RunIds {
  private static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
  private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final SecureRandom random = new SecureRandom();

  /** A new run ID: UTC time then 6 random hex digits, {@code 20261125-134512-a1b2c3}; sorts by start time. */
  public String next(Instant now) {
    byte[] bytes = new byte[3];
    random.nextBytes(bytes);
    return STAMP.format(now) + "-" + HexFormat.of().formatHex(bytes);
  }

  public static String requireRunId(String id) {
    if (id == null || !RUN_ID.matcher(id).matches()) {
      throw new ServerException.NotFound("no run " + printable(id) + " (run IDs look like 20261125-134512-a1b2c3)");
    }
    return id;
  }

  public static String requireQuestionId(String id) {
    if (id == null || !QUESTION_ID.matcher(id).matches()) {
      throw new ServerException.NotFound("no question " + printable(id));
    }
    return id;
  }

  public static String requireNodeId(String id) {
    if (id == null || !NODE_ID.matcher(id).matches()) {
      throw new ServerException.NotFound("no stage " + printable(id));
    }
    return id;
  }

  /** A value safe to echo in a message: quoted, clipped, control characters removed. */
  static String printable(String value) {
    if (value == null) {
      return "(none)";
    }
    String clean = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return "\"" + (clean.length() > 64 ? clean.substring(0, 64) + "..." : clean) + "\"";
  }
}
