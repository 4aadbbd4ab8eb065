package dev.darkfactory.agent.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatchParserTest {

  @Test
  void parsesEveryOperationOfTheGrammar() {
    Patch patch = PatchParser.parse("""
        *** Begin Patch
        *** Add File: a.txt
        +one
        +two
        *** Delete File: b.txt
        *** Update File: c.txt
        *** Move to: d.txt
        @@ def f():
         keep
        -drop
        +add
        *** End of File
        *** End Patch
        """);

    assertThat(patch.operations()).containsExactly(
        new Patch.AddFile("a.txt", "one\ntwo\n"),
        new Patch.DeleteFile("b.txt"),
        new Patch.UpdateFile("c.txt", Optional.of("d.txt"), List.of(new Patch.Hunk(
            Optional.of("def f():"),
            List.of(
                new Patch.HunkLine(Patch.HunkLine.Kind.CONTEXT, "keep"),
                new Patch.HunkLine(Patch.HunkLine.Kind.DELETE, "drop"),
                new Patch.HunkLine(Patch.HunkLine.Kind.ADD, "add")),
            true))));
    assertThat(((Patch.UpdateFile) patch.operations().get(2)).hunks().getFirst().oldLines())
        .containsExactly("keep", "drop");
  }

  @Test
  void aRefusedWriteIsReportedAndNothingIsClaimed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    var env = new dev.darkfactory.agent.env.ReadOnlyExecutionEnvironment(
        dev.darkfactory.agent.env.LocalExecutionEnvironment.create(dir));
    Patch patch = PatchParser.parse("*** Begin Patch\n*** Add File: a.txt\n+x\n*** End Patch");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PatchApplier.apply(patch, env))
        .hasMessage("Patch not applied: Write operations are disabled in read-only mode (write a.txt refused).");
  }

  @Test
  void acceptsCrlfPatchesAndSurroundingBlankLines() {
    Patch patch = PatchParser.parse("\r\n*** Begin Patch\r\n*** Delete File: x\r\n*** End Patch\r\n\r\n");
    assertThat(patch.operations()).containsExactly(new Patch.DeleteFile("x"));
  }
}
