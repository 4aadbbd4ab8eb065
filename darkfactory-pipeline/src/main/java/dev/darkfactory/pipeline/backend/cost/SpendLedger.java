package dev.darkfactory.pipeline.backend.cost;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.state.AtomicFiles;
import dev.darkfactory.pipeline.state.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run's spend: every LLM call's tokens and cost, per node and in total. Thread-safe (parallel
 * branches record concurrently). When it has a file ({@code {logs_root}/usage.json}), it rewrites
 * it after every call and reads it back on resume, so budgets and the summary count the whole run,
 * not just this process's part of it.
 */
public final class SpendLedger {
  public static final String FILE_NAME = "usage.json";

  private final Optional<Path> file;
  private final Map<String, Spend> byNode = new LinkedHashMap<>();
  private final List<Consumer<Recorded>> listeners = new ArrayList<>();
  private Spend total = Spend.ZERO;

  /** One recorded call: where, what, and the totals after it. */
  public record Recorded(String nodeId, Spend call, Spend node, Spend total) {}

  private SpendLedger(Optional<Path> file) {
    this.file = file;
  }

  public static SpendLedger inMemory() {
    return new SpendLedger(Optional.empty());
  }

  /** The ledger kept in {@code file}, continuing what it already holds (a resumed run). */
  public static SpendLedger at(Path file) {
    SpendLedger ledger = new SpendLedger(Optional.of(file));
    if (Files.isRegularFile(file)) {
      try {
        JsonNode json = JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8));
        json.path("nodes").properties().forEach(e -> ledger.byNode.put(e.getKey(), SpendJson.from(e.getValue())));
        ledger.total = SpendJson.from(json.path("total"));
      } catch (IOException | JacksonException e) {
        throw new RunStorageException(file, "cannot read the spend ledger " + file + ": " + IoReasons.of(e)
            + " (delete it to start counting from zero)", e);
      }
    }
    return ledger;
  }

  /** Adds one call's spend to {@code nodeId} and the total, saves, and tells the listeners. */
  public void record(String nodeId, Spend call) {
    Recorded recorded;
    List<Consumer<Recorded>> toTell;
    synchronized (this) {
      Spend node = byNode.getOrDefault(nodeId, Spend.ZERO).plus(call);
      byNode.put(nodeId, node);
      total = total.plus(call);
      save();
      recorded = new Recorded(nodeId, call, node, total);
      toTell = List.copyOf(listeners);
    }
    toTell.forEach(listener -> listener.accept(recorded));
  }

  public synchronized Spend total() {
    return total;
  }

  public synchronized Spend node(String nodeId) {
    return byNode.getOrDefault(nodeId, Spend.ZERO);
  }

  /** Every node's spend, in the order they first spent. */
  public synchronized Map<String, Spend> byNode() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byNode));
  }

  /** Called after every recorded call, outside the ledger's lock. */
  public synchronized void subscribe(Consumer<Recorded> listener) {
    listeners.add(listener);
  }

  public synchronized ObjectNode toJson() {
    ObjectNode json = JsonValues.object();
    json.set("total", SpendJson.of(total));
    ObjectNode nodes = json.putObject("nodes");
    byNode.forEach((id, spend) -> nodes.set(id, SpendJson.of(spend)));
    return json;
  }

  private void save() {
    if (file.isEmpty()) {
      return;
    }
    try {
      AtomicFiles.write(file.get(), JsonValues.pretty(toJson()) + "\n");
    } catch (IOException e) {
      throw new RunStorageException(file.get(), "cannot write the spend ledger " + file.get() + ": " + IoReasons.of(e), e);
    }
  }
}
