package dev.darkfactory.twin.document;

import java.nio.file.Path;
import java.util.Locale;

/** The text formats fault-rule and seed documents may be written in. */
public enum DocumentFormat {
  JSON,
  YAML;

  /** By file extension: {@code .yaml} and {@code .yml} are YAML, anything else JSON. */
  public static DocumentFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
  }

  /** By media type: {@code application/yaml}, {@code application/x-yaml}, {@code text/yaml} are YAML. */
  public static DocumentFormat ofMediaType(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("yaml") ? YAML : JSON;
  }
}
