package dev.darkfactory.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.CliRun;
import dev.darkfactory.cli.Main;
import dev.darkfactory.cli.Terminal;
import dev.darkfactory.llm.Environment;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("run index: sqlite").contains("stopped");
    assertThat(data.resolve("index.db")).exists();
  }

  @Test
  void theTokenFromFactoryServerTokenGuardsAPublicBind() throws Exception {
    String token = "env-token-0123456789abcdef";
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ServeCommand command = new ServeCommand(new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), Terminal.none()),
        Environment.of(Map.of(ServeCommand.TOKEN_ENV, token)));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> new CommandLine(command).execute("--host", "0.0.0.0", "--port", "0", "--data", data.toString()), Thread.ofVirtual()::start);
    String port = awaitMatch(out, Pattern.compile("server on http://0\\.0\\.0\\.0:(\\d+)/"));
    assertThat(awaitMatch(out, Pattern.compile("login link once per browser: (\\S+)"))).isEqualTo("http://0.0.0.0:" + port + "/?token=" + token);
    // Bound to every interface, reached over loopback.
    String info = "http://127.0.0.1:" + port + "/api/info";
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(info)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"code\":\"unauthorized\"");
    HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(info)).header("Authorization", "Bearer " + token + "x").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<String> right = http.send(HttpRequest.newBuilder(URI.create(info)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.body()).contains("\"auth_required\":true");
    command.requestStop();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void theTokenOptionWinsOverTheEnvironment() throws Exception {
    String flag = "flag-token-0123456789abcdef";
    StringWriter out = new StringWriter();
    ServeCommand command = new ServeCommand(new CliContext(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Terminal.none()),
        Environment.of(Map.of(ServeCommand.TOKEN_ENV, "env-token-0123456789abcdef")));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> new CommandLine(command).execute("--port", "0", "--data", data.toString(), "--token", flag), Thread.ofVirtual()::start);
    String url = awaitUrl(out);
    assertThat(awaitMatch(out, Pattern.compile("login link once per browser: (\\S+)"))).endsWith("?token=" + flag);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> withEnvToken = http.send(HttpRequest.newBuilder(URI.create(url + "api/info"))
        .header("Authorization", "Bearer env-token-0123456789abcdef").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withEnvToken.statusCode()).isEqualTo(401);
    HttpResponse<String> withFlag = http.send(HttpRequest.newBuilder(URI.create(url + "api/info"))
        .header("Authorization", "Bearer " + flag).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withFlag.statusCode()).isEqualTo(200);
    command.requestStop();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void theCommandLineHandsServeItsEnvironment() {
    // A too-short FACTORY_SERVER_TOKEN from the command line's environment is rejected before anything listens.
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new StringReader(""), new PrintWriter(out, true), new PrintWriter(err, true), Terminal.none(),
        Environment.of(Map.of(ServeCommand.TOKEN_ENV, "short")), "serve", "--host", "0.0.0.0", "--port", "0", "--data", data.toString());
    assertThat(code).as(out + "\n" + err).isEqualTo(2);
    assertThat(err.toString()).contains("at least 16 characters").doesNotContain("Exception");
  }

  @Test
  void aPublicBindWithoutATokenIsAUsageError() {
    CliRun run = CliRun.in(Environment.of(Map.of()), "serve", "--host", "0.0.0.0", "--port", "0", "--data", data.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--token").doesNotContain("Exception");
  }

  @Test
  void helpListsTheOptions() {
    CliRun run = CliRun.of("serve", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--port").contains("--host").contains("--data").contains("--token").contains("--index");
  }

  private static String awaitUrl(StringWriter out) {
    return awaitMatch(out, Pattern.compile("server on (http://127\\.0\\.0\\.1:\\d+/)"));
  }

  private static String awaitMatch(StringWriter out, Pattern pattern) {
    await().atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(out.toString()).as("the server's output").containsPattern(pattern));
    Matcher matcher = pattern.matcher(out.toString());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
