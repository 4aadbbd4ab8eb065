package dev.darkfactory.agent.edit;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.ToolException;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a {@link Patch} through an execution environment (coding-agent-loop-spec §3.4 {@code
 * apply_patch}, Appendix A). Every operation is verified in memory first; only when all of them
 * apply are files written, so a failing hunk leaves the tree untouched.
 *
 * <p>Hunks are located in order: the {@code @@} hint line is looked up first and the hunk's
 * context and removed lines searched after it (or from it, when the hint is itself one of those
 * lines, as in the spec's multi-hunk example), with {@link LineMatcher}'s whitespace and
 * punctuation tolerance. Context lines keep the file's own text; only removals and additions
 * change it.
 */
public final class PatchApplier {

  /** What the patch did, one line per file, as codex reports it. */
  public record Result(List<String> changes) {
    public Result {
      changes = List.copyOf(changes);
    }

    public String summary() {
      return "Success. Updated the following files:\n" + String.join("\n", changes);
    }
  }

  private final ExecutionEnvironment environment;
  /** Pending content by path; empty means deleted. Insertion order is write order. */
  private final Map<String, Optional<String>> pending = new LinkedHashMap<>();

  private PatchApplier(ExecutionEnvironment environment) {
    this.environment = environment;
  }

  public static Result apply(Patch patch, ExecutionEnvironment environment) {
    return new PatchApplier(environment).run(patch);
  }

  private Result run(Patch patch) {
    List<String> changes = new ArrayList<>();
    for (Patch.Operation operation : patch.operations()) {
      changes.add(switch (operation) {
        case Patch.AddFile add -> {
          pending.put(add.path(), Optional.of(add.content()));
          yield "A " + add.path();
        }
        case Patch.DeleteFile delete -> {
          read(delete.path(), "Delete File");
          pending.put(delete.path(), Optional.empty());
          yield "D " + delete.path();
        }
        case Patch.UpdateFile update -> update(update);
      });
    }
    write();
    return new Result(changes);
  }

  private String update(Patch.UpdateFile update) {
    String original = read(update.path(), "Update File");
    String updated = applyHunks(update, TextLines.parse(original));
    if (update.moveTo().isEmpty() || update.moveTo().get().equals(update.path())) {
      pending.put(update.path(), Optional.of(updated));
      return "M " + update.path();
    }
    String target = update.moveTo().get();
    if (exists(target)) {
      throw verification("cannot move " + update.path() + " to " + target + ": " + target + " already exists."
          + " Delete it first or choose another name.");
    }
    pending.put(update.path(), Optional.empty());
    pending.put(target, Optional.of(updated));
    return "M " + update.path() + " -> " + target;
  }

  private static String applyHunks(Patch.UpdateFile update, TextLines file) {
    List<String> lines = file.lines();
    record Replacement(int at, int length, List<String> lines) {}
    List<Replacement> replacements = new ArrayList<>();
    int cursor = 0;
    int number = 0;
    for (Patch.Hunk hunk : update.hunks()) {
      number++;
      int from = cursor;
      Optional<LineMatcher.Match> hint = hunk.contextHint()
          .flatMap(text -> LineMatcher.seek(lines, List.of(text), from, false));
      List<String> old = hunk.oldLines();
      if (old.isEmpty()) {
        int at = hint.map(match -> match.index() + 1).orElse(lines.size());
        replacements.add(new Replacement(at, 0, added(hunk)));
        cursor = at;
        continue;
      }
      Optional<LineMatcher.Match> match = locate(lines, old, hint, cursor, hunk.endOfFile());
      if (match.isEmpty()) {
        throw verification("hunk " + number + " of " + update.path() + " does not apply: these lines were not"
            + " found" + (cursor > 0 ? " after line " + cursor : "") + hunk.contextHint().map(h -> " (hint: '" + h + "')").orElse("")
            + ":\n" + String.join("\n", old) + "\nRead the file again and copy the context lines exactly.");
      }
      int at = match.get().index();
      replacements.add(new Replacement(at, old.size(), merged(hunk, lines, at)));
      cursor = at + old.size();
    }
    List<String> result = file.mutableLines();
    replacements.sort(Comparator.comparingInt(Replacement::at).reversed());
    for (Replacement replacement : replacements) {
      result.subList(replacement.at, replacement.at + replacement.length).clear();
      result.addAll(replacement.at, replacement.lines);
    }
    return file.withLines(result).render();
  }

  /** After the hint, then from the hint line itself, then from the cursor ignoring the hint. */
  private static Optional<LineMatcher.Match> locate(
      List<String> lines, List<String> old, Optional<LineMatcher.Match> hint, int cursor, boolean endOfFile) {
    if (hint.isPresent()) {
      Optional<LineMatcher.Match> after = LineMatcher.seek(lines, old, hint.get().index() + 1, endOfFile);
      if (after.isPresent()) {
        return after;
      }
      Optional<LineMatcher.Match> from = LineMatcher.seek(lines, old, hint.get().index(), endOfFile);
      if (from.isPresent()) {
        return from;
      }
    }
    return LineMatcher.seek(lines, old, cursor, endOfFile);
  }

  /** The hunk's new lines, context taken from the file so fuzzy matches keep its exact text. */
  private static List<String> merged(Patch.Hunk hunk, List<String> lines, int at) {
    List<String> result = new ArrayList<>();
    int oldIndex = 0;
    for (Patch.HunkLine line : hunk.lines()) {
      switch (line.kind()) {
        case CONTEXT -> result.add(lines.get(at + oldIndex++));
        case DELETE -> oldIndex++;
        case ADD -> result.add(line.text());
      }
    }
    return result;
  }

  private static List<String> added(Patch.Hunk hunk) {
    return hunk.lines().stream()
        .filter(line -> line.kind() != Patch.HunkLine.Kind.DELETE)
        .map(Patch.HunkLine::text)
        .toList();
  }

  private String read(String path, String operation) {
    if (pending.containsKey(path)) {
      return pending.get(path).orElseThrow(() -> verification(operation + " " + path + ": the file was deleted"
          + " earlier in this patch."));
    }
    if (!environment.fileExists(path)) {
      throw verification(operation + " " + path + ": file not found. Use '*** Add File:' to create it, or"
          + " check the path with glob.");
    }
    try {
      return new String(environment.readBytes(path), StandardCharsets.UTF_8);
    } catch (EnvironmentException e) {
      throw verification(operation + " " + path + ": " + e.getMessage());
    }
  }

  private boolean exists(String path) {
    return pending.containsKey(path) ? pending.get(path).isPresent() : environment.fileExists(path);
  }

  private void write() {
    List<String> done = new ArrayList<>();
    for (Map.Entry<String, Optional<String>> entry : pending.entrySet()) {
      try {
        if (entry.getValue().isPresent()) {
          environment.writeFile(entry.getKey(), entry.getValue().get());
        } else if (environment.fileExists(entry.getKey())) {
          environment.deleteFile(entry.getKey());
        }
        done.add(entry.getKey());
      } catch (EnvironmentException e) {
        String message = done.isEmpty()
            ? "Patch not applied: " + e.getMessage()
            : "Patch partly applied: " + e.getMessage() + " Already written: " + done + ".";
        throw new ToolException(ToolException.Kind.PATCH_VERIFICATION, message, e);
      }
    }
  }

  private static ToolException verification(String message) {
    return new ToolException(ToolException.Kind.PATCH_VERIFICATION, "Patch not applied: " + message);
  }
}
