package dev.darkfactory.pipeline.backend.agent;

import static dev.darkfactory.pipeline.backend.agent.AgentRunKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.testkit.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent stage's file tools stay in the run's working directory and its own stage directory by
 * default, without any option: the model that tries a way out gets an error result and carries on.
 */
class FileConfinementTest {
  @TempDir Path temp;
  AgentRunKit kit;

  @BeforeEach
  void setUp() {
    kit = new AgentRunKit(temp);
  }

  @AfterEach
  void tearDown() {
    kit.close();
  }

  static final String ONE_STAGE = """
      digraph Confined {
        start [shape=Mdiamond]
        implement [prompt="Do the work"]
        done [shape=Msquare]
        start -> implement -> done
      }
      """;

  @Test
  void writesOutsideTheWorkingDirectoryAreRefusedAndTheStageDirectoryIsAllowed() throws Exception {
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Files.createSymbolicLink(kit.workdir.resolve("link"), elsewhere);
    String stageNotes = kit.logsRoot.resolve("implement/notes.md").toString();
    kit.calls("write_file", json("{'file_path':'../escape.txt','content':'x'}"),
            "write_file", json("{'file_path':'" + elsewhere.resolve("abs.txt") + "','content':'x'}"),
            "write_file", json("{'file_path':'link/through-link.txt','content':'x'}"),
            "read_file", json("{'file_path':'" + kit.logsRoot.resolve("checkpoint.json") + "'}"),
            "write_file", json("{'file_path':'" + stageNotes + "','content':'stage notes'}"),
            "write_file", json("{'file_path':'inside.txt','content':'fine'}"))
        .reports(json("{'outcome':'success'}"));

    RunResult result = kit.run(ONE_STAGE);

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
    assertThat(temp.resolve("escape.txt")).doesNotExist();
    assertThat(elsewhere.resolve("abs.txt")).doesNotExist();
    assertThat(elsewhere.resolve("through-link.txt")).doesNotExist();
    assertThat(Path.of(stageNotes)).hasContent("stage notes");
    assertThat(kit.file("inside.txt")).isEqualTo("fine");
    // The refusals went back to the model as error results it can act on.
    List<RecordedRequest> requests = kit.twin.requests("/v1/messages");
    assertThat(requests.get(1).body()).contains("is outside the working directory", "leads through a symbolic link",
        "\"is_error\":true");
  }
}
