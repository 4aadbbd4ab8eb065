package dev.darkfactory.pipeline.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Run IDs that sort by start time and read well in a directory listing: {@code 20261125-131800-3fa9c2}. */
public final class RunIds {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private RunIds() {}

  public static String next(Instant now, RandomGenerator random) {
    byte[] suffix = new byte[3];
    random.nextBytes(suffix);
    return STAMP.format(now) + "-" + HexFormat.of().formatHex(suffix);
  }
}
