package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.ToolException;
import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code read_many_files} (coding-agent-loop-spec §3.6, gemini-cli): several files, or files
 * matching globs, in one call, each under a {@code --- path ---} header.
 */
public final class ReadManyFilesTool extends BuiltinTool {
  private static final int MAX_FILES = 200;

  public ReadManyFilesTool() {
    super(
        new ToolDefinition(
            "read_many_files",
            "Read several files at once. Each entry of paths is a file path or a glob such as 'src/**/*.ts'."
                + " Contents are concatenated, each under a '--- path ---' header.",
            Schema.object()
                .strings("paths", "File paths or glob patterns, relative to the working directory.", true)
                .build()));
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    List<String> requested = arguments.strings("paths");
    if (requested.isEmpty()) {
      throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS, "paths is empty: name at least one file or glob.");
    }
    Set<String> files = new LinkedHashSet<>();
    for (String entry : requested) {
      if (entry.matches(".*[*?\\[{].*")) {
        files.addAll(context.environment().glob(entry, "").stream().sorted().toList());
      } else {
        files.add(entry);
      }
    }
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (String file : files) {
      if (++count > MAX_FILES) {
        out.append("[Stopped after ").append(MAX_FILES).append(" files; narrow the patterns to read the rest.]\n");
        break;
      }
      out.append("--- ").append(file).append(" ---\n");
      try {
        String text = context.environment().readFile(file);
        out.append(text).append(text.isEmpty() || text.endsWith("\n") ? "" : "\n");
      } catch (EnvironmentException e) {
        out.append("[skipped: ").append(e.getMessage()).append("]\n");
      }
    }
    return ToolOutput.text(files.isEmpty() ? "No files matched " + requested + "." : out.toString().stripTrailing());
  }
}
