package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code read_file} (coding-agent-loop-spec §3.3): line-numbered text ({@code "NNN | content"}),
 * with offset and limit; images come back as image data for multimodal models. {@code path} is
 * accepted as an alias of {@code file_path}.
 */
public final class ReadFileTool extends BuiltinTool {
  /** The spec's default {@code limit}. */
  public static final int DEFAULT_LIMIT = 2000;

  private static final Map<String, String> IMAGE_TYPES =
      Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp");

  public ReadFileTool(String description) {
    super(
        new ToolDefinition(
            "read_file",
            description,
            Schema.object()
                .string("file_path", "Path of the file to read, absolute or relative to the working directory.", true)
                .integer("offset", "1-based line number to start reading from.", false)
                .integer("limit", "Maximum number of lines to read (default " + DEFAULT_LIMIT + ").", false)
                .build()));
  }

  public ReadFileTool() {
    this("Read a file from the filesystem. Returns line-numbered content in 'NNN | content' format;"
        + " use offset and limit to page through large files. Image files are returned as images.");
  }

  @Override
  public JsonNode normalize(JsonNode arguments) {
    if (arguments.isObject() && !arguments.has("file_path") && arguments.has("path")) {
      ObjectNode copy = ((ObjectNode) arguments).deepCopy();
      copy.set("file_path", copy.remove("path"));
      return copy;
    }
    return arguments;
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    String path = arguments.string("file_path");
    String imageType = IMAGE_TYPES.get(extension(path));
    if (imageType != null) {
      byte[] data = context.environment().readBytes(path);
      return ToolOutput.image("Image " + path + " (" + imageType + ", " + data.length + " bytes)", data, imageType);
    }
    int offset = Math.max(1, arguments.optionalInt("offset").orElse(1));
    int limit = Math.max(1, arguments.optionalInt("limit").orElse(DEFAULT_LIMIT));
    // One line more than asked tells us whether the file goes on.
    String text = context.environment().readFile(path, offset, limit + 1);
    return ToolOutput.text(numbered(path, text, offset, limit));
  }

  static String numbered(String path, String text, int offset, int limit) {
    if (text.isEmpty()) {
      return offset == 1 ? "[" + path + " is empty]" : "[" + path + " has fewer than " + offset + " lines]";
    }
    String[] lines = text.split("\n", -1);
    int shown = Math.min(lines.length, limit);
    int lastNumber = offset + shown - 1;
    int width = Math.max(3, Integer.toString(lastNumber).length());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(String.format(Locale.ROOT, "%" + width + "d | ", offset + i)).append(lines[i]);
    }
    if (lines.length > limit) {
      out.append("\n[Showing lines ").append(offset).append('-').append(lastNumber)
          .append(". The file has more; read on with offset=").append(lastNumber + 1).append(".]");
    }
    return out.toString();
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
