package dev.darkfactory.pipeline.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Dark Factory, as the build wrote it ({@code version.properties}, filtered from the
 * POM's {@code project.version}): the one source of {@code factory --version} and the server's
 * {@code GET /api/info}, so that both say the same, whether they run from {@code factory.jar}, an
 * embedding application or the build tree.
 */
public final class ProductVersion {
  private static final String RESOURCE = "version.properties";

  private ProductVersion() {}

  /** The version, such as {@code 0.1.0-SNAPSHOT}; {@code unknown} if the build left no version file (it always writes one). */
  public static String current() {
    Properties properties = new Properties();
    try (InputStream in = ProductVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
    }
    return properties.getProperty("version", "unknown");
  }
}
