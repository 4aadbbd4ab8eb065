package dev.darkfactory.llm.catalog;

import java.util.Locale;

/** A capability to select models by in {@link ModelCatalog#getLatestModel} (unified-llm-spec §2.9). */
public enum Capability {
  TOOLS,
  VISION,
  REASONING;

  public static Capability parse(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }
}
