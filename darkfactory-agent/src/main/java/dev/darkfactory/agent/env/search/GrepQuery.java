package dev.darkfactory.agent.env.search;

import dev.darkfactory.agent.env.GrepOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One search.
 *
 * @param pattern a regular expression, matched against each line
 * @param root the directory or file to search (absolute)
 * @param displayBase result paths are shown relative to this directory (the working directory)
 *     when they are inside it, absolute otherwise
 */
public record GrepQuery(String pattern, Path root, Path displayBase, GrepOptions options) {
  public GrepQuery {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(displayBase, "displayBase");
    Objects.requireNonNull(options, "options");
  }

  /** How a file under the root is named in results. */
  String display(Path file) {
    if (file.startsWith(displayBase) && !file.equals(displayBase)) {
      return displayBase.relativize(file).toString().replace('\\', '/');
    }
    return file.toString();
  }
}
