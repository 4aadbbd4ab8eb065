package dev.darkfactory.pipeline.state;

import java.time.Instant;
import java.util.Objects;

/** What the artifact store knows about one artifact (attractor-spec.md 5.5). */
public record ArtifactInfo(String id, String name, long sizeBytes, Instant storedAt, boolean fileBacked) {
  public ArtifactInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(storedAt, "storedAt");
  }
}
