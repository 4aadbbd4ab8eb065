package dev.darkfactory.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server stopped by a signal has stopped normally: {@code factory serve} exits 0 (docs/cli.md),
 * not the 143 (SIGTERM) or 130 (SIGINT) the JVM would report. SIGTERM is sent, as in {@code
 * InterruptResumeTest}, because a process started by a non-interactive shell may inherit an ignored
 * SIGINT; both take the same shutdown-hook path. The test owns the process it signals.
 */
class ServeSignalTest {
  @TempDir Path data;

  @Test
  void aSignalStopsTheServerWithExitStatusZero() throws Exception {
    Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
        "dev.darkfactory.cli.Main", "serve", "--port", "0", "--data", data.toString())
        .redirectErrorStream(true).start();
    List<String> output = new CopyOnWriteArrayList<>();
    CountDownLatch listening = new CountDownLatch(1);
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.add(line);
          if (line.contains("server on http://")) {
            listening.countDown();
          }
        }
      } catch (java.io.IOException ended) {
        // The process is gone; what it printed is in output.
      }
    });
    try {
      assertThat(listening.await(60, TimeUnit.SECONDS)).as("the server started; output:\n%s", String.join("\n", output)).isTrue();
      assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor()).isZero();
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stopped").isTrue();
      reader.get(10, TimeUnit.SECONDS);
      assertThat(server.exitValue()).as("exit status; output:\n%s", String.join("\n", output)).isZero();
      assertThat(output).contains("stopped");
    } finally {
      server.destroyForcibly();
    }
  }
}
