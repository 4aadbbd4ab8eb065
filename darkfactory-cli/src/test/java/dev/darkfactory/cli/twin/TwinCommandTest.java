package dev.darkfactory.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TwinCommandTest {

    @Test
    void servesAScriptForAGivenDuration(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("script.json");
        Files.writeString(script, "{\"replies\":[{\"text\":\"scripted\"}]}");
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new TwinCommand());
        command.setOut(new PrintWriter(out));
        int code = command.execute("llm", "--script", script.toString(), "--duration", "PT0.3S", "--data-only");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("LLM twin listening on http://127.0.0.1:").contains("OPENAI_BASE_URL=")
                .contains("served 0 requests");
    }
}
