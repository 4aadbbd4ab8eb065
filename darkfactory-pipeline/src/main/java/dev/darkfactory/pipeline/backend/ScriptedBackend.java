package dev.darkfactory.pipeline.backend;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.ScriptFileException;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StatusFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A deterministic backend for tests, demos and offline runs: {@code factory run --scripted FILE}.
 *
 * <pre>
 * {"nodes": {"review": [ {"outcome": "fail", "failure_reason": "tests red"}, {"outcome": "success"} ]}}
 * </pre>
 *
 * Each entry is a status-file object (attractor-spec.md Appendix C: {@code outcome}, {@code
 * preferred_label}, {@code suggested_next_ids}, {@code context_updates}, {@code notes}, {@code
 * failure_reason}). The n-th execution of a node (retries count) takes the n-th entry and the last
 * entry repeats; a node not listed succeeds as in simulation. Executions are counted by the engine
 * and survive a resume, so a resumed scripted run answers exactly as an uninterrupted one.
 */
public final class ScriptedBackend implements CodergenBackend {
  private final Map<String, List<Outcome>> script;
  private final String origin;

  public ScriptedBackend(Map<String, List<Outcome>> script, String origin) {
    Map<String, List<Outcome>> copy = new LinkedHashMap<>();
    script.forEach((id, entries) -> {
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("node " + id + " has an empty list of scripted outcomes");
      }
      copy.put(id, List.copyOf(entries));
    });
    this.script = Map.copyOf(copy);
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  /** Reads a script file, reporting every problem with the file name and the entry's path. */
  public static ScriptedBackend read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScriptFileException(file, "cannot read the scripted-backend file " + file + ": " + IoReasons.of(e), e);
    }
    return parse(file, text);
  }

  /** Parses script text; {@code file} names it in messages. */
  public static ScriptedBackend parse(Path file, String text) {
    JsonNode root;
    try {
      root = JsonValues.parse(text);
    } catch (JacksonException e) {
      throw new ScriptFileException(file, file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.has("nodes") || !root.get("nodes").isObject()) {
      throw new ScriptFileException(file, file + ": expected {\"nodes\": {\"<node_id>\": [ <status object>, ... ]}}", null);
    }
    List<String> extra = root.propertyNames().stream().filter(name -> !name.equals("nodes")).toList();
    if (!extra.isEmpty()) {
      throw new ScriptFileException(file, file + ": unknown top-level field \"" + extra.getFirst() + "\"; only \"nodes\" is allowed", null);
    }
    Map<String, List<Outcome>> script = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> node : root.get("nodes").properties()) {
      String where = file.getFileName() + ": nodes." + node.getKey();
      if (!node.getValue().isArray() || node.getValue().isEmpty()) {
        throw new ScriptFileException(file, where + ": expected a non-empty list of status objects", null);
      }
      List<Outcome> entries = new ArrayList<>();
      int index = 0;
      for (JsonNode entry : node.getValue()) {
        try {
          entries.add(StatusFile.fromJson(entry, where + "[" + index++ + "]"));
        } catch (IllegalArgumentException e) {
          throw new ScriptFileException(file, e.getMessage(), e);
        }
      }
      script.put(node.getKey(), entries);
    }
    return new ScriptedBackend(script, file.toString());
  }

  /**
   * Refuses a script that names nodes the graph lacks, or nodes whose handler never calls a
   * backend (a scripted outcome for them would silently do nothing).
   *
   * @param drivenByBackend which nodes' handlers call the backend
   */
  public void checkAgainst(Graph graph, Predicate<Node> drivenByBackend) {
    for (String id : script.keySet()) {
      Node node = graph.node(id).orElseThrow(() -> new ScriptFileException(Path.of(origin),
          origin + ": node \"" + id + "\" is not in pipeline " + graph.name() + suggestion(id, graph), null));
      if (!drivenByBackend.test(node)) {
        throw new ScriptFileException(Path.of(origin), origin + ": node \"" + id
            + "\" does not call the LLM backend (its handler is not codergen or a fan-in with a prompt), so a scripted outcome would be ignored", null);
      }
    }
  }

  private static String suggestion(String id, Graph graph) {
    return dev.darkfactory.pipeline.graph.Spelling.closest(id, graph.nodes().stream().map(Node::id).toList())
        .map(s -> " (did you mean \"" + s + "\"?)").orElse("");
  }

  @Override
  public CodergenResult run(CodergenRequest request) {
    List<Outcome> entries = script.get(request.node().id());
    if (entries == null) {
      return CodergenResult.text("[Scripted] " + request.node().id() + " is not in the script: success");
    }
    int n = Math.max(1, request.execution());
    return CodergenResult.outcome(entries.get(Math.min(n, entries.size()) - 1));
  }

  /** The scripted outcomes per node. */
  public Map<String, List<Outcome>> script() {
    return script;
  }

  @Override
  public String describe() {
    return "scripted";
  }
}
