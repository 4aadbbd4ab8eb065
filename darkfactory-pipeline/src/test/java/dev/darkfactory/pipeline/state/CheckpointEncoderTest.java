package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.state.Checkpoint.NextStep;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A store re-encodes only what a traversal added since its last save; the file must be exactly
 * what encoding everything from scratch gives, whatever the run did in between (new nodes,
 * revisits that change a node's status, revisits that do not).
 */
class CheckpointEncoderTest {

  /** A traversal's live progress, as the engine hands it over: the same list and map views on every save. */
  private record Live(List<String> completedNodes, Map<String, StageStatus> nodeOutcomes, Map<String, Integer> unimpliedExecutions,
      Map<String, Object> contextValues, Instant timestamp) implements CheckpointContent {
    @Override
    public String runId() {
      return "run-1";
    }

    @Override
    public String graphFingerprint() {
      return "sha256:abc";
    }

    @Override
    public RunStatus status() {
      return RunStatus.RUNNING;
    }

    @Override
    public String currentNode() {
      return completedNodes.isEmpty() ? "" : completedNodes.getLast();
    }

    @Override
    public Optional<NextStep> next() {
      return Optional.of(new NextStep("next", currentNode(), 0));
    }

    @Override
    public Map<String, Integer> nodeRetries() {
      return Map.of();
    }

    @Override
    public int stageCount() {
      return completedNodes.size();
    }

    @Override
    public int goalGateRetries() {
      return 0;
    }

    @Override
    public Optional<FidelityMode> lastFidelity() {
      return Optional.empty();
    }

    @Override
    public List<String> logs() {
      return List.of();
    }

    @Override
    public Optional<Outcome> finalOutcome() {
      return Optional.empty();
    }

    @Override
    public Optional<StopReason> stopReason() {
      return Optional.empty();
    }

    @Override
    public Optional<String> restartedInto() {
      return Optional.empty();
    }
  }

  @Test
  void savingLiveProgressAgainWritesWhatAFreshEncodingWrites() {
    Random random = new Random(7);
    List<String> completed = new ArrayList<>();
    Map<String, StageStatus> outcomes = new LinkedHashMap<>();
    Live live = new Live(Collections.unmodifiableList(completed), Collections.unmodifiableMap(outcomes), Map.of(), Map.of("k", "v"),
        Instant.parse("2026-11-25T13:46:51Z"));
    CheckpointJson.Encoder encoder = new CheckpointJson.Encoder();
    for (int step = 0; step < 500; step++) {
      // Between two saves a traversal completes zero, one or (a parallel stage's join) several nodes.
      int completions = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(2);
      for (int i = 0; i < completions; i++) {
        String node = random.nextInt(3) == 0 ? "n" + random.nextInt(Math.max(1, outcomes.size())) : "n" + outcomes.size();
        completed.add(node);
        outcomes.put(node, StageStatus.values()[random.nextInt(3) == 0 ? random.nextInt(5) : 0]);
      }
      String incremental = encoder.encode(live).toString();
      String fresh = new CheckpointJson.Encoder().encode(live).toString();
      assertThat(incremental).as("save %d", step).isEqualTo(fresh);
      Checkpoint read = CheckpointJson.fromJson(JsonValues.parse(incremental));
      assertThat(read.completedNodes()).isEqualTo(completed);
      assertThat(read.nodeOutcomes()).containsExactlyEntriesOf(outcomes);
    }
  }

  @Test
  void otherProgressIsEncodedFromScratch() {
    CheckpointJson.Encoder encoder = new CheckpointJson.Encoder();
    Checkpoint first = CheckpointStoreTest.sample();
    encoder.encode(first);
    // A record (a resumed run's checkpoint, the HTTP API) holds copies: nothing cached applies to it.
    Checkpoint other = new Checkpoint("run-2", "sha256:def", Instant.EPOCH, RunStatus.RUNNING, "x", Optional.empty(), List.of("x"),
        Map.of("x", StageStatus.FAIL), Map.of(), Map.of(), Map.of("x", 1), 1, 0, Optional.empty(), Map.of(), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty());
    assertThat(encoder.encode(other).toString())
        .isEqualTo(new String(CheckpointJson.write(other), StandardCharsets.UTF_8))
        .contains("\"completed_nodes\":[\"x\"]", "\"node_outcomes\":{\"x\":\"fail\"}");
  }

  @Test
  void aListThatShrankIsEncodedFromScratch() {
    List<String> completed = new ArrayList<>(List.of("a", "b", "c"));
    Map<String, StageStatus> outcomes = new LinkedHashMap<>(Map.of("a", StageStatus.SUCCESS));
    outcomes.put("b", StageStatus.SUCCESS);
    outcomes.put("c", StageStatus.SUCCESS);
    Live live = new Live(completed, outcomes, Map.of(), Map.of(), Instant.EPOCH);
    CheckpointJson.Encoder encoder = new CheckpointJson.Encoder();
    encoder.encode(live);
    completed.clear();
    completed.add("z");
    outcomes.clear();
    outcomes.put("z", StageStatus.FAIL);
    assertThat(encoder.encode(live).toString()).contains("\"completed_nodes\":[\"z\"]", "\"node_outcomes\":{\"z\":\"fail\"}");
  }
}
