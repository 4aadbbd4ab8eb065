package dev.darkfactory.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.state.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress fold over events, including usage when a backend reports it. */
class RunProjectionTest {
  private static RunProjection fold(String... events) {
    RunProjection projection = new RunProjection();
    for (String event : events) {
      projection.apply(JsonValues.parse(event));
    }
    return projection;
  }

  @Test
  void stagesFollowTheirLatestVisitAndRetries() {
    RunProjection p = fold(
        "{\"type\":\"StageStarted\",\"at\":\"2026-01-01T00:00:00Z\",\"node_id\":\"impl\",\"name\":\"Implement\",\"index\":1,\"handler_type\":\"codergen\",\"attempt\":1}",
        "{\"type\":\"StageFailed\",\"at\":\"2026-01-01T00:00:02Z\",\"node_id\":\"impl\",\"error\":\"boom\",\"will_retry\":true,\"status\":\"retry\"}",
        "{\"type\":\"StageRetrying\",\"at\":\"2026-01-01T00:00:02Z\",\"node_id\":\"impl\",\"attempt\":2,\"delay_ms\":10}");
    assertThat(p.nodeStatus()).containsEntry("impl", "retrying");
    assertThat(p.currentNode()).contains("impl");
    p.apply(JsonValues.parse("{\"type\":\"StageStarted\",\"at\":\"2026-01-01T00:00:03Z\",\"node_id\":\"impl\",\"name\":\"Implement\",\"index\":2,\"handler_type\":\"codergen\",\"attempt\":2}"));
    p.apply(JsonValues.parse("{\"type\":\"StageNote\",\"at\":\"2026-01-01T00:00:03Z\",\"node_id\":\"impl\",\"message\":\"$ make test\"}"));
    p.apply(JsonValues.parse("{\"type\":\"StageCompleted\",\"at\":\"2026-01-01T00:00:04Z\",\"node_id\":\"impl\",\"duration_ms\":900,\"status\":\"partial_success\",\"notes\":\"ok\"}"));
    StageProgress stage = p.stages().getFirst();
    assertThat(stage.status()).isEqualTo("partial_success");
    assertThat(stage.attempts()).isEqualTo(2);
    assertThat(stage.durationMs()).contains(900L);
    assertThat(stage.error()).isEmpty();
    assertThat(stage.notesLog()).containsExactly("$ make test");
  }

  @Test
  void humanGatesShowAsWaitingUntilAnswered() {
    RunProjection p = fold(
        "{\"type\":\"StageStarted\",\"at\":\"2026-01-01T00:00:00Z\",\"node_id\":\"gate\",\"name\":\"Gate\",\"index\":1,\"handler_type\":\"wait.human\",\"attempt\":1}",
        "{\"type\":\"InterviewStarted\",\"at\":\"2026-01-01T00:00:00Z\",\"question\":{\"id\":\"q\",\"stage\":\"gate\"},\"stage\":\"gate\"}");
    assertThat(p.nodeStatus()).containsEntry("gate", "waiting");
    p.apply(JsonValues.parse("{\"type\":\"InterviewCompleted\",\"at\":\"2026-01-01T00:00:01Z\",\"question\":{\"id\":\"q\",\"stage\":\"gate\"}}"));
    assertThat(p.nodeStatus()).containsEntry("gate", "running");
  }

  @Test
  void usageIsSummedPerStageAndRunWhenReportedAndAbsentOtherwise() {
    assertThat(fold("{\"type\":\"PipelineStarted\",\"at\":\"2026-01-01T00:00:00Z\"}").usage()).isEmpty();
    RunProjection p = fold(
        "{\"type\":\"StageStarted\",\"at\":\"2026-01-01T00:00:00Z\",\"node_id\":\"a\",\"name\":\"A\",\"index\":1,\"handler_type\":\"codergen\",\"attempt\":1}",
        "{\"type\":\"StageCompleted\",\"at\":\"2026-01-01T00:00:01Z\",\"node_id\":\"a\",\"duration_ms\":1,\"status\":\"success\",\"usage\":{\"input_tokens\":100,\"output_tokens\":20,\"cost_usd\":0.5}}",
        "{\"type\":\"StageNote\",\"at\":\"2026-01-01T00:00:01Z\",\"node_id\":\"a\",\"message\":\"more\",\"usage\":{\"input_tokens\":10,\"output_tokens\":2,\"total_tokens\":12}}");
    assertThat(p.usage()).hasValueSatisfying(u -> {
      assertThat(u.totalTokens()).isEqualTo(132);
      assertThat(u.inputTokens()).isEqualTo(110);
      assertThat(u.costUsd()).contains(0.5);
    });
    assertThat(p.stages().getFirst().usage()).isPresent();
  }

  @Test
  void theDecisionAuditAndTheFinalErrorAreKept() {
    RunProjection p = fold(
        "{\"type\":\"EdgeSelected\",\"at\":\"2026-01-01T00:00:00Z\",\"decision\":{\"from\":\"a\",\"to\":\"b\",\"step\":\"condition\"}}",
        "{\"type\":\"PipelineFailed\",\"at\":\"2026-01-01T00:00:01Z\",\"error\":\"no route\"}",
        "{\"type\":\"SomethingNew\",\"at\":\"2026-01-01T00:00:01Z\"}");
    assertThat(p.decisions()).extracting(d -> d.path("to").asString()).isEqualTo(List.of("b"));
    assertThat(p.error()).contains("no route");
    assertThat(p.eventCount()).isEqualTo(3);
    assertThat(p.currentNode()).isEmpty();
  }

  @Test
  void aReplayedFileSkipsATornLineAndAMissingFileIsAnEmptyRun(@TempDir Path dir) throws Exception {
    Path events = dir.resolve("events.jsonl");
    assertThat(RunProjection.replay(events).eventCount()).isZero();
    Files.writeString(events, """
        {"type":"StageStarted","at":"2026-01-01T00:00:00Z","node_id":"a","name":"A","index":1,"handler_type":"codergen","attempt":1}
        {"type":"StageCompleted","at":"2026-01-01T00:00:01Z","node_id":"a","duration_ms":1,"status":"success"}
        {"type":"StageStarted","at":"2026-01-01T00:0""");
    RunProjection p = RunProjection.replay(events);
    assertThat(p.eventCount()).isEqualTo(2);
    assertThat(p.nodeStatus()).containsExactly(Map.entry("a", "success"));
  }
}
