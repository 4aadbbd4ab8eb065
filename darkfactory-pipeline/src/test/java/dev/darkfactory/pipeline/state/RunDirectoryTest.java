package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * attractor-spec.md 5.6: stage directories and their {@code status.json}. A status file must never
 * survive into a later attempt, visit or process where a backend could be taken to have written it.
 */
class RunDirectoryTest {
  @TempDir Path temp;

  @Test
  void aStageDirectoryIsCreatedOnFirstUse() {
    RunDirectory dir = RunDirectory.at(temp.resolve("run"));
    dir.create();
    Path stage = dir.stageDir("plan");
    assertThat(stage).isDirectory().isEqualTo(temp.resolve("run").resolve("plan").toAbsolutePath());
    assertThat(dir.stageDir("plan")).isEqualTo(stage);
  }

  @Test
  void theStatusWrittenAfterAnAttemptIsDiscardedBeforeTheNext() throws Exception {
    RunDirectory dir = RunDirectory.at(temp.resolve("run"));
    dir.create();
    Path stage = dir.stageDir("plan");
    dir.discardStatus(stage); // first attempt in a directory just created: nothing there
    dir.writeStatus("plan", Outcome.fail("no"));
    assertThat(stage.resolve("status.json")).exists();
    dir.discardStatus(stage);
    assertThat(stage.resolve("status.json")).doesNotExist();
  }

  @Test
  void aStatusFileFromAnEarlierProcessIsDiscarded() throws Exception {
    Path stage = Files.createDirectories(temp.resolve("run").resolve("plan"));
    Files.writeString(stage.resolve("status.json"), "{\"outcome\": \"fail\"}");
    RunDirectory dir = RunDirectory.at(temp.resolve("run"));
    dir.discardStatus(dir.stageDir("plan"));
    assertThat(stage.resolve("status.json")).doesNotExist();
  }

  @Test
  void aStatusFileSomethingElseWroteIntoAnotherInstancesDirectoryIsDiscarded() throws Exception {
    RunDirectory first = RunDirectory.at(temp.resolve("run"));
    Path stage = first.stageDir("plan");
    Files.writeString(stage.resolve("status.json"), "{\"outcome\": \"fail\"}");
    RunDirectory second = RunDirectory.at(temp.resolve("run"));
    second.discardStatus(second.stageDir("plan"));
    assertThat(stage.resolve("status.json")).doesNotExist();
  }

  @Test
  void statusFilesAreIndentedJson() throws Exception {
    RunDirectory dir = RunDirectory.at(temp.resolve("run"));
    dir.writeStatus("plan", Outcome.success("done"));
    assertThat(Files.readString(dir.stageDir("plan").resolve("status.json")))
        .isEqualTo(JsonValues.pretty(StatusFile.toJson(Outcome.success("done"))));
  }

  @Test
  void aNodeIdWithASlashGetsNestedDirectories() {
    RunDirectory dir = RunDirectory.at(temp.resolve("run"));
    dir.create();
    assertThat(dir.stageDir("a/b")).isDirectory();
  }
}
