package dev.darkfactory.pipeline.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link RuntimeLayeringTest}'s rules, checked on the source text: javac copies a compile-time
 * constant ({@code static final int X = 200}) into the class that reads it, so the class file keeps
 * no trace of the dependency and ArchUnit cannot see it (a backend once read a handler's constant
 * this way). Every mention of a package in code (imports, static imports, qualified names) counts;
 * comments do not.
 */
class SourceLayeringTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final String ROOT = "dev.darkfactory.pipeline.";
  private static final String ENVIRONMENT_POLICY = "agent.env.policy";
  private static final Pattern MENTION = Pattern.compile("\\bdev\\.darkfactory\\.([a-z]+(?:\\.[a-z]+)*)");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /** Package (of the pipeline module) to the packages it must not mention, as in {@link RuntimeLayeringTest}. */
  private static final Map<String, List<String>> FORBIDDEN = Map.of(
      "state", List.of("pipeline.engine", "pipeline.handler", "pipeline.event", "pipeline.backend", "pipeline.human"),
      "human", List.of("pipeline.engine"),
      "event", List.of("pipeline.engine"),
      "backend", List.of("pipeline.engine", "pipeline.handler"),
      "handler", List.of("pipeline.engine"));

  @Test
  void noSourceMentionsAHigherLayer() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
      Matcher mention = MENTION.matcher(code);
      while (mention.find()) {
        String target = mention.group(1);
        if (target.equals(ENVIRONMENT_POLICY) || target.startsWith(ENVIRONMENT_POLICY + ".")) {
          continue; // The one environment policy of every process, which every layer may use (ArchitectureTest).
        }
        for (String forbidden : forbiddenFor(pkg)) {
          if (target.equals(forbidden) || target.startsWith(forbidden + ".")) {
            violations.add(SOURCES.relativize(file) + " (" + pkg + ") mentions dev.darkfactory." + target);
          }
        }
      }
    }
    assertThat(violations).as("lower layers never reach higher ones, not even for a constant").isEmpty();
  }

  @Test
  void theRulesSeeTheConstantImportTheClassFilesHide() {
    String code = "import dev.darkfactory.pipeline.handler.CodergenHandler;\nint n = CodergenHandler.LAST_RESPONSE_CHARS;";
    Matcher mention = MENTION.matcher(code);
    assertThat(mention.find()).isTrue();
    assertThat(mention.group(1)).startsWith("pipeline.handler");
    assertThat(forbiddenFor("dev.darkfactory.pipeline.backend.agent")).contains("pipeline.handler");
  }

  /** The rules of the package's layer: its first segment below {@code dev.darkfactory.pipeline}; agent and llm only under backend. */
  private static List<String> forbiddenFor(String pkg) {
    if (!pkg.startsWith(ROOT)) {
      return List.of();
    }
    String layer = pkg.substring(ROOT.length()).split("\\.")[0];
    List<String> forbidden = new ArrayList<>(FORBIDDEN.getOrDefault(layer, List.of()));
    if (!layer.equals("backend")) {
      forbidden.addAll(List.of("agent", "llm"));
    } else if (!pkg.startsWith(ROOT + "backend.agent")) {
      forbidden.add("agent");
    }
    return forbidden;
  }

  private static String packageOf(Path file) {
    return SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }
}
