package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.graph.DurationText;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.server.ServerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's own files in a run directory, next to the engine's: the DOT source as submitted
 * ({@code source.dot}) and the options ({@code server-run.json}), which is what a resume after a
 * restart needs; and reading the engine's {@code events.jsonl} back.
 */
public final class RunFiles {
  static final String SOURCE = "source.dot";
  static final String OPTIONS = "server-run.json";

  private RunFiles() {}

  static void writeSubmission(RunDirectory directory, String source, RunOptions options) {
    ObjectNode json = JsonValues.object();
    json.put("backend", options.backend());
    options.script().ifPresent(s -> json.put("script", s));
    options.goal().ifPresent(g -> json.put("goal", g));
    json.set("context", JsonValues.toObject(options.context()));
    ObjectNode budgets = json.putObject("budgets");
    options.budgets().maxTokens().ifPresent(v -> budgets.put("max_tokens", v));
    options.budgets().maxCostUsd().ifPresent(v -> budgets.put("max_cost_usd", v));
    options.budgets().timeout().ifPresent(v -> budgets.put("timeout", DurationText.format(v)));
    json.put("started_by", options.startedBy());
    options.passEnv().forEach(json.putArray("pass_env")::add);
    directory.write(directory.root().resolve(SOURCE), source);
    directory.write(directory.root().resolve(OPTIONS), JsonValues.pretty(json));
  }

  static String readSource(RunDirectory directory) {
    return read(directory.root().resolve(SOURCE));
  }

  /**
   * The options a run was submitted with. Files written before names were unified (docs/names.md)
   * hold {@code variables} and {@code budgets.max_seconds}; they are read as {@code context} and
   * {@code budgets.timeout}.
   */
  static RunOptions readOptions(RunDirectory directory) {
    JsonNode json = JsonValues.parse(read(directory.root().resolve(OPTIONS)));
    Map<String, String> context = new LinkedHashMap<>();
    json.path(json.has("context") ? "context" : "variables").properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    JsonNode budgets = json.path("budgets");
    Optional<Duration> timeout = budgets.has("timeout") ? Optional.of(DurationText.parse(budgets.get("timeout").asString()))
        : budgets.has("max_seconds") ? Optional.of(Duration.ofSeconds(budgets.get("max_seconds").asLong())) : Optional.empty();
    return new RunOptions(
        BackendKind.fromWire(json.path("backend").asString("simulation")).map(BackendKind::wire).orElse(json.path("backend").asString()),
        json.has("script") ? Optional.of(json.get("script").asString()) : Optional.empty(),
        json.has("goal") ? Optional.of(json.get("goal").asString()) : Optional.empty(),
        context,
        new RunOptions.Budgets(
            budgets.has("max_tokens") ? OptionalLong.of(budgets.get("max_tokens").asLong()) : OptionalLong.empty(),
            budgets.has("max_cost_usd") ? Optional.of(budgets.get("max_cost_usd").decimalValue()) : Optional.empty(),
            timeout),
        json.path("started_by").asString("api"),
        json.path("pass_env").valueStream().map(JsonNode::asString).toList());
  }

  /**
   * Every event of the run in order: {@code events.jsonl}, then those of each {@code loop_restart}
   * segment ({@code restart-1/}, ...), which the engine writes in their own directories.
   */
  public static List<String> readEvents(RunDirectory directory) {
    List<String> lines = new ArrayList<>(readEventFile(directory.eventsFile()));
    for (int n = 1; Files.isDirectory(directory.restart(n).root()); n++) {
      lines.addAll(readEventFile(directory.restart(n).eventsFile()));
    }
    return lines;
  }

  /** The segment that ran last: the root, or the newest {@code restart-N}. */
  public static RunDirectory latestSegment(RunDirectory directory) {
    RunDirectory latest = directory;
    for (int n = 1; Files.isDirectory(directory.restart(n).root()); n++) {
      latest = directory.restart(n);
    }
    return latest;
  }

  /** One file's lines, empty when there is none yet; a torn last line (a crash mid-write) is dropped. */
  private static List<String> readEventFile(Path file) {
    List<String> lines = new ArrayList<>();
    try (Stream<String> stream = Files.lines(file, StandardCharsets.UTF_8)) {
      stream.filter(line -> !line.isBlank()).forEach(lines::add);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ServerException.StorageFailed("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!lines.isEmpty() && !lines.getLast().endsWith("}")) {
      lines.removeLast();
    }
    return lines;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ServerException.StorageFailed("cannot read " + file.getFileName() + " of run " + file.getParent().getFileName() + ": " + e.getMessage(), e);
    }
  }
}
