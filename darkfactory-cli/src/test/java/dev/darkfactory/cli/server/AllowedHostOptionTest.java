package dev.darkfactory.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.CliRun;
import dev.darkfactory.cli.Terminal;
import dev.darkfactory.llm.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

/** {@code factory serve --allowed-host NAME}: the names the server answers besides its own address. */
class AllowedHostOptionTest {
  @TempDir Path data;

  @Test
  void aConfiguredNameIsAnsweredAndAForeignOneRefused() throws Exception {
    StringWriter out = new StringWriter();
    ServeCommand command = new ServeCommand(new CliContext(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Terminal.none()),
        Environment.of(Map.of()));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(command).execute("--port", "0", "--data", data.toString(),
        "--allowed-host", "factory.lan", "--allowed-host", "build-box"), Thread.ofVirtual()::start);
    int port = Integer.parseInt(awaitPort(out));
    assertThat(statusFor(port, "factory.lan:" + port)).isEqualTo(200);
    assertThat(statusFor(port, "build-box")).isEqualTo(200);
    assertThat(statusFor(port, "localhost:" + port)).isEqualTo(200);
    assertThat(statusFor(port, "evil.example:" + port)).isEqualTo(403);
    command.requestStop();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void aNameWithASchemeOrPortIsAUsageError() {
    CliRun run = CliRun.in(Environment.of(Map.of()), "serve", "--port", "0", "--data", data.toString(), "--allowed-host", "http://factory.lan:8080");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--allowed-host").contains("without scheme, port or path").doesNotContain("Exception");
  }

  /** The status line of {@code GET /api/info} sent with this {@code Host}, over a socket because HttpClient will not send another host's name. */
  private static int statusFor(int port, String host) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET /api/info HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(response.split(" ", 3)[1]);
    }
  }

  private static String awaitPort(StringWriter out) throws InterruptedException {
    Pattern pattern = Pattern.compile("server on http://127\\.0\\.0\\.1:(\\d+)/");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(out.toString());
      if (matcher.find()) {
        return matcher.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the server never said where it listens: " + out);
  }
}
