package dev.darkfactory.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void answersRealRequestsOnTheChosenPortWithTheScript(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("script.json");
        Files.writeString(script, """
                {"replies": [
                  {"match": {"path": "/v1/chat/completions"}, "text": "scripted chat answer"},
                  {"match": {"path": "/v1/messages"}, "text": "scripted streamed answer", "chunk_size": 4}
                ]}""");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new TwinCommand());
        command.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> command.execute(
                "llm", "--port", Integer.toString(port), "--script", script.toString(), "--duration", "PT10S"));
        // The duration starts once the twin has printed that it listens, and leaves a loaded machine ample time
        // for the two requests below.
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("Request log:") || run.isDone());
        assertThat(out.toString()).contains("LLM twin listening on http://127.0.0.1:" + port + System.lineSeparator())
                .contains("OPENAI_BASE_URL=http://127.0.0.1:" + port + "/v1");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Authorization", "Bearer test-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.body()).contains("\"content\":\"scripted chat answer\"").contains("\"model\":\"llama3.2\"");
        HttpResponse<String> stream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("x-api-key", "test-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude\",\"max_tokens\":50,\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("content-type")).contains("text/event-stream");
        assertThat(stream.body()).startsWith("event: message_start").contains("\"text\":\"scri\"")
                .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");

        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("LLM twin served 2 requests");
    }
}
