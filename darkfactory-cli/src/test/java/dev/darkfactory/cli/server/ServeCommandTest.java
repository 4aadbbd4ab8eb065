package dev.darkfactory.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.CliRun;
import dev.darkfactory.cli.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path data;

  @Test
  void servesUntilStoppedAndSaysWhere() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ServeCommand command = new ServeCommand(new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), Terminal.none()));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> new CommandLine(command).execute("--port", "0", "--data", data.toString()), Thread.ofVirtual()::start);
    String url = awaitUrl(out);
    HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/info")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("\"backends\":[\"simulation\"");
    command.requestStop();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("run index: sqlite").contains("stopped");
    assertThat(data.resolve("index.db")).exists();
  }

  @Test
  void aPublicBindWithoutATokenIsAUsageError() {
    CliRun run = CliRun.of("serve", "--host", "0.0.0.0", "--port", "0", "--data", data.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--token").doesNotContain("Exception");
  }

  @Test
  void helpListsTheOptions() {
    CliRun run = CliRun.of("serve", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--port").contains("--host").contains("--data").contains("--token").contains("--index");
  }

  private static String awaitUrl(StringWriter out) throws InterruptedException {
    Pattern pattern = Pattern.compile("server on (http://127\\.0\\.0\\.1:\\d+/)");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(out.toString());
      if (matcher.find()) {
        return matcher.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the server did not start: " + out);
  }
}
