package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.problem.RunStorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attractor-spec.md 5.3: checkpoints round-trip exactly and are written atomically. */
class CheckpointStoreTest {
  @TempDir Path temp;

  static Checkpoint sample() {
    return new Checkpoint("run-1", "sha256:abc", Instant.parse("2026-01-02T03:04:05Z"), RunStatus.STOPPED, "b",
        Optional.of(new Checkpoint.NextStep("c", "b", 1)), List.of("start", "a", "b"),
        Map.of("start", StageStatus.SUCCESS, "a", StageStatus.PARTIAL_SUCCESS, "b", StageStatus.FAIL), Map.of("b", 2), Map.of("start", 1, "a", 1, "b", 1),
        Map.of("start", 1, "a", 1, "b", 3, "branch_node", 2), 5, 1, Optional.of(FidelityMode.FULL),
        Map.of("graph.goal", "ship", "n", 3L, "list", List.of("x", 1L), "deep", Map.of("k", List.of(true))), List.of("log 1"),
        Optional.of(Outcome.fail("why").withNotes("n")), Optional.of(StopReason.cancelled("user")), Optional.empty());
  }

  @Test
  void aCheckpointRoundTripsExactly() {
    CheckpointStore store = CheckpointStore.in(temp);
    Checkpoint checkpoint = sample();
    store.save(checkpoint);
    Checkpoint loaded = store.load().orElseThrow();
    assertThat(loaded).usingRecursiveComparison().isEqualTo(checkpoint);
  }

  @Test
  void visitsAreImpliedByTheCompletedNodesAndOnlyUnusualExecutionCountsAreWritten() throws Exception {
    CheckpointStore store = CheckpointStore.in(temp);
    store.save(sample());
    String json = Files.readString(temp.resolve("checkpoint.json"));
    assertThat(json).doesNotContain("node_visits").contains("\"b\":3", "\"branch_node\":2").doesNotContain("\"start\":1");
    assertThat(store.load().orElseThrow().nodeVisits()).containsExactlyInAnyOrderEntriesOf(Map.of("start", 1, "a", 1, "b", 1));
  }

  @Test
  void savingLeavesNoTemporaryFileBehind() throws Exception {
    CheckpointStore store = CheckpointStore.in(temp);
    store.save(sample());
    store.save(sample());
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkpoint.json");
    }
  }

  @Test
  void aMissingCheckpointIsEmpty() {
    assertThat(CheckpointStore.in(temp).load()).isEmpty();
  }

  @Test
  void aCorruptCheckpointIsAClearError() throws Exception {
    Files.writeString(temp.resolve("checkpoint.json"), "{\"format\": 1, \"run_id\": ");
    assertThatThrownBy(() -> CheckpointStore.in(temp).load()).isInstanceOf(RunStorageException.class)
        .hasMessageContaining("is damaged: not valid JSON at line 1, column")
        .hasMessageNotContaining("REDACTED");
  }

  @Test
  void anUnwritableLocationIsAClearError() throws Exception {
    Path file = temp.resolve("a-file");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> CheckpointStore.in(file.resolve("sub")).save(sample())).isInstanceOf(RunStorageException.class)
        .hasMessageContaining("cannot write the checkpoint");
  }

  @Test
  void fieldsOfTheWrongKindAreRefusedNotReadAsEmpty() throws Exception {
    CheckpointStore store = CheckpointStore.in(temp);
    store.save(sample());
    String saved = Files.readString(store.file());
    for (String[] damage : new String[][] {
        {"\"context\":{", "\"context\":\"str\",\"x\":{", "field \"context\" must be an object, found \"str\""},
        {"\"completed_nodes\":[", "\"completed_nodes\":5,\"x\":[", "field \"completed_nodes\" must be a list of node IDs, found 5"},
        {"\"stage_count\":", "\"stage_count\":\"many\",\"x\":", "field \"stage_count\" must be a whole number"}}) {
      assertThat(saved).contains(damage[0]);
      Files.writeString(store.file(), saved.replace(damage[0], damage[1]));
      assertThatThrownBy(store::load).isInstanceOf(RunStorageException.class).hasMessageContaining(damage[2]);
    }
    Files.writeString(store.file(), "[1, 2]");
    assertThatThrownBy(store::load).hasMessageContaining("expected a JSON object, found array");
    Files.writeString(store.file(), saved.replace("\"completed_nodes\":", "\"done_nodes\":"));
    assertThatThrownBy(store::load).hasMessageContaining("missing field \"completed_nodes\"");
  }
}
