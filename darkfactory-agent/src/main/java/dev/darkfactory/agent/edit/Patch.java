package dev.darkfactory.agent.edit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code apply_patch} patch in the v4a format (coding-agent-loop-spec Appendix A): file
 * additions, deletions and updates (with an optional rename), applied together or not at all.
 */
public record Patch(List<Operation> operations) {
  public Patch {
    operations = List.copyOf(operations);
  }

  /** One file operation. */
  public sealed interface Operation {
    String path();
  }

  /** {@code *** Add File:} with its full content. */
  public record AddFile(String path, String content) implements Operation {
    public AddFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content");
    }
  }

  /** {@code *** Delete File:}. */
  public record DeleteFile(String path) implements Operation {
    public DeleteFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /** {@code *** Update File:}, optionally {@code *** Move to:}, then hunks. */
  public record UpdateFile(String path, Optional<String> moveTo, List<Hunk> hunks) implements Operation {
    public UpdateFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(moveTo, "moveTo");
      hunks = List.copyOf(hunks);
    }
  }

  /**
   * One {@code @@} section.
   *
   * @param contextHint the text after {@code @@}, a line near the change (often a signature)
   * @param endOfFile whether {@code *** End of File} anchors the hunk at the end
   */
  public record Hunk(Optional<String> contextHint, List<HunkLine> lines, boolean endOfFile) {
    public Hunk {
      Objects.requireNonNull(contextHint, "contextHint");
      lines = List.copyOf(lines);
    }

    /** The lines the file must contain: context and deletions. */
    public List<String> oldLines() {
      return lines.stream().filter(line -> line.kind() != HunkLine.Kind.ADD).map(HunkLine::text).toList();
    }
  }

  /** A hunk line: {@code ' '} context, {@code '-'} deletion, {@code '+'} addition. */
  public record HunkLine(Kind kind, String text) {
    public enum Kind {
      CONTEXT,
      DELETE,
      ADD
    }

    public HunkLine {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }
  }
}
