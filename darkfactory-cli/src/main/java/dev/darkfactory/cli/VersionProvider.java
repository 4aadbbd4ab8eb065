package dev.darkfactory.cli;

import dev.darkfactory.pipeline.report.ProductVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code factory --version}: the product's version ({@link ProductVersion}, as {@code /api/info} says it) and the Java runtime. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "Dark Factory " + ProductVersion.current(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
    };
  }
}
