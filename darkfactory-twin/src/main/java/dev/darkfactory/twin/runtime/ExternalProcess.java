package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.TwinStartException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * An external twin's process: started in its own process group with a minimal environment, waited for until it
 * is ready (or has exited, or the start timeout passed), watched for a crash, and stopped with its whole group.
 */
final class ExternalProcess implements AutoCloseable {

  private static final List<String> INHERITED = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ",
      "JAVA_HOME", "SYSTEMROOT");
  private static final Duration POLL = Duration.ofMillis(20);

  private final String name;
  private final Process process;
  private final OutputTail output;
  private volatile boolean stopping;

  private ExternalProcess(String name, Process process, OutputTail output) {
    this.name = name;
    this.process = process;
    this.output = output;
  }

  /** Starts the twin on {@code port} and waits until it is ready. */
  static ExternalProcess start(ExternalTwin twin, int port) {
    checkExecutable(twin);
    ProcessBuilder builder = new ProcessBuilder(command(twin, port)).redirectErrorStream(true);
    twin.directory().ifPresent(dir -> builder.directory(dir.toFile()));
    Map<String, String> environment = builder.environment();
    Map<String, String> inherited = Map.copyOf(environment);
    environment.clear();
    INHERITED.forEach(key -> {
      if (inherited.containsKey(key)) {
        environment.put(key, inherited.get(key));
      }
    });
    environment.putAll(twin.environment());
    environment.put("TWIN_PORT", Integer.toString(port));
    environment.put("PORT", Integer.toString(port));
    environment.put("TWIN_NAME", twin.name());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new TwinStartException(twin.name(), TwinStartException.Reason.LAUNCH_FAILED,
          "cannot run " + twin.command() + ": " + e.getMessage() + ". Check the command and that it is executable.", e);
    }
    ExternalProcess started = new ExternalProcess(twin.name(), process, OutputTail.follow(process.getInputStream()));
    started.awaitReady(twin, port);
    return started;
  }

  /**
   * Refuses a program that cannot be found before anything starts: under {@code setsid} a missing program would
   * otherwise look like a twin that started and exited.
   */
  private static void checkExecutable(ExternalTwin twin) {
    String program = twin.command().get(0);
    if (program.contains("/")) {
      Path path = Path.of(program);
      Path resolved = path.isAbsolute() ? path : twin.directory().map(dir -> dir.resolve(path)).orElse(path);
      if (!Files.isRegularFile(resolved) || !Files.isExecutable(resolved)) {
        throw new TwinStartException(twin.name(), TwinStartException.Reason.LAUNCH_FAILED,
            "cannot run " + twin.command() + ": " + resolved + (Files.exists(resolved) ? " is not executable" : " does not exist"), null);
      }
      return;
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return;
      }
    }
    throw new TwinStartException(twin.name(), TwinStartException.Reason.LAUNCH_FAILED,
        "cannot run " + twin.command() + ": '" + program + "' is not on the PATH (" + pathVariable + ")", null);
  }

  private static List<String> command(ExternalTwin twin, int port) {
    List<String> command = new ArrayList<>();
    ProcessGroups.setsid().ifPresent(command::add);
    for (String part : twin.command()) {
      command.add(part.replace("{port}", Integer.toString(port)));
    }
    return command;
  }

  private void awaitReady(ExternalTwin twin, int port) {
    long deadline = System.nanoTime() + twin.startTimeout().toNanos();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build()) {
      while (true) {
        if (!process.isAlive()) {
          throw new TwinStartException(name, TwinStartException.Reason.EXITED, "its command " + twin.command()
              + " exited with code " + exitCode() + " before it was ready. Its last output:\n" + output.text(), null);
        }
        if (ready(twin.readiness(), port, http)) {
          return;
        }
        if (System.nanoTime() > deadline) {
          close();
          throw new TwinStartException(name, TwinStartException.Reason.NOT_HEALTHY, "it was not ready within "
              + twin.startTimeout().toMillis() + " ms (" + describe(twin.readiness(), port) + "); it was stopped. Its last"
              + " output:\n" + output.text(), null);
        }
        Thread.sleep(POLL);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new TwinStartException(name, TwinStartException.Reason.NOT_HEALTHY, "interrupted while waiting for it to start", e);
    }
  }

  private static boolean ready(Readiness readiness, int port, HttpClient http) throws InterruptedException {
    return switch (readiness) {
      case Readiness.HttpGet get -> {
        try {
          HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + get.path()))
              .timeout(Duration.ofSeconds(1)).GET().build();
          yield http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 400;
        } catch (IOException e) {
          yield false; // not listening yet
        }
      }
      case Readiness.Tcp tcp -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
          yield true;
        } catch (IOException e) {
          yield false;
        }
      }
    };
  }

  private static String describe(Readiness readiness, int port) {
    return switch (readiness) {
      case Readiness.HttpGet get -> "GET http://127.0.0.1:" + port + get.path() + " never answered below 400";
      case Readiness.Tcp tcp -> "port " + port + " never accepted a connection";
    };
  }

  /** Calls {@code onCrash} with the exit code if the process exits without being stopped. */
  void onCrash(IntConsumer onCrash) {
    process.onExit().thenAccept(exited -> {
      if (!stopping) {
        onCrash.accept(exited.exitValue());
      }
    });
  }

  long pid() {
    return process.pid();
  }

  String output() {
    return output.text();
  }

  private String exitCode() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "(unknown)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(unknown)";
    }
  }

  /** Stops the whole group: TERM, up to 5 s, then KILL. */
  @Override
  public void close() {
    stopping = true;
    List<ProcessHandle> descendants = process.descendants().toList();
    boolean grouped = ProcessGroups.setsid().isPresent() && ProcessGroups.signal(process.pid(), "TERM");
    if (!grouped) {
      descendants.forEach(ProcessHandle::destroy);
      process.destroy();
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        if (!grouped || !ProcessGroups.signal(process.pid(), "KILL")) {
          descendants.forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Children that outlived their leader (the group id may be reused once the leader is gone, so no group signal now).
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
