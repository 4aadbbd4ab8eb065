package dev.darkfactory.agent.env;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a directory listing (coding-agent-loop-spec §4.1).
 *
 * @param name the path relative to the listed directory, with {@code /} separators
 * @param size the size in bytes of a file; empty for directories
 */
public record DirEntry(String name, boolean isDir, Optional<Long> size) {
  public DirEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(size, "size");
  }
}
