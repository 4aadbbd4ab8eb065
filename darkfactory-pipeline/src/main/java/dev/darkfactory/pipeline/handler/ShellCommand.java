package dev.darkfactory.pipeline.handler;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.pipeline.state.Cancellation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one shell command the way tool nodes need it: {@code /bin/bash -c} in a process group of its
 * own, stdin from {@code /dev/null}, stdout and stderr to files, the environment the spec's {@link
 * EnvironmentPolicy} allows, a timeout after which the whole group gets SIGTERM and, after a grace
 * period, SIGKILL. All process handling lives here, so the
 * pipeline can later delegate to the agent module's execution environments in one place.
 *
 * <p>The group comes from {@code setsid}, which makes bash the leader of a new session (pid =
 * process group ID). Where {@code setsid} is missing (macOS), the command runs in the JVM's group
 * and the kill walks the process tree instead.
 *
 * <p>A pid file records the running group, so a run resumed after the JVM died (SIGKILL, power
 * loss) can kill the orphaned command before running the node again ({@link #reapOrphan}).
 */
public final class ShellCommand {
  private static final Optional<Path> SETSID = find("setsid");
  private static final Optional<Path> KILL = find("kill");

  private ShellCommand() {}

  /**
   * What to run.
   *
   * @param environment variables set for the command on top of what {@code policy} lets it inherit
   * @param policy which of the engine's environment variables the command inherits
   */
  public record Spec(String command, Path workdir, Map<String, String> environment, EnvironmentPolicy policy, Duration timeout,
      Duration killGrace, Path stdoutFile, Path stderrFile, Optional<Path> pidFile) {
    public Spec {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(workdir, "workdir");
      environment = Map.copyOf(environment);
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(killGrace, "killGrace");
      Objects.requireNonNull(stdoutFile, "stdoutFile");
      Objects.requireNonNull(stderrFile, "stderrFile");
      Objects.requireNonNull(pidFile, "pidFile");
    }

    /** A command under the default policy (the allow-list). */
    public Spec(String command, Path workdir, Map<String, String> environment, Duration timeout, Duration killGrace,
        Path stdoutFile, Path stderrFile, Optional<Path> pidFile) {
      this(command, workdir, environment, EnvironmentPolicy.defaults(), timeout, killGrace, stdoutFile, stderrFile, pidFile);
    }
  }

  /** How it ended. {@code exitCode} is meaningless when it timed out or was cancelled. */
  public record Result(int exitCode, boolean timedOut, boolean cancelled, Duration duration) {}

  /**
   * Runs the command to completion, timeout or cancellation.
   *
   * @throws IOException when the process cannot be started
   */
  public static Result run(Spec spec, Cancellation cancellation) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(commandLine(spec.command()))
        .directory(spec.workdir().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(spec.stdoutFile().toFile())
        .redirectError(spec.stderrFile().toFile());
    // A nested run must not see its parent's context, even under a policy that inherits everything.
    builder.environment().keySet().removeIf(key -> key.startsWith(ToolEnvironment.PREFIX));
    spec.policy().applyTo(builder, spec.environment());
    Instant started = Instant.now();
    Process process = builder.start();
    writePidFile(spec, process);
    AtomicBoolean cancelled = new AtomicBoolean();
    Cancellation.Registration onCancel = cancellation.onCancel(() -> {
      cancelled.set(true);
      terminate(process, spec.killGrace());
    });
    try {
      boolean finished = process.waitFor(spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
      if (!finished) {
        terminate(process, spec.killGrace());
        return new Result(-1, !cancelled.get(), cancelled.get(), Duration.between(started, Instant.now()));
      }
      return new Result(process.exitValue(), false, cancelled.get(), Duration.between(started, Instant.now()));
    } catch (InterruptedException e) {
      terminate(process, spec.killGrace());
      Thread.currentThread().interrupt();
      return new Result(-1, false, true, Duration.between(started, Instant.now()));
    } finally {
      onCancel.close();
      spec.pidFile().ifPresent(ShellCommand::deleteQuietly);
    }
  }

  private static List<String> commandLine(String command) {
    return SETSID.map(setsid -> List.of(setsid.toString(), "/bin/bash", "-c", command))
        .orElseGet(() -> List.of("/bin/bash", "-c", command));
  }

  /** SIGTERM to the group, up to {@code grace} to exit, then SIGKILL to the group and any descendant left. */
  static void terminate(Process process, Duration grace) {
    long pid = process.pid();
    List<ProcessHandle> descendants = process.descendants().toList();
    signalGroup(pid, "TERM");
    process.destroy();
    try {
      process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    signalGroup(pid, "KILL");
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  private static void signalGroup(long pgid, String signal) {
    if (SETSID.isEmpty() || KILL.isEmpty()) {
      return;
    }
    try {
      Process kill = EnvironmentPolicy.defaults().applyTo(new ProcessBuilder(KILL.get().toString(), "-s", signal, "--", "-" + pgid), Map.of())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // kill(1) unavailable: destroy() and the descendant walk that follow still stop the tree we can see.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void writePidFile(Spec spec, Process process) throws IOException {
    if (spec.pidFile().isPresent()) {
      String start = process.info().startInstant().map(Instant::toString).orElse("");
      Files.writeString(spec.pidFile().get(), process.pid() + " " + start + "\n", StandardCharsets.UTF_8);
    }
  }

  /**
   * Kills the command recorded in {@code pidFile} if it is still running: a command orphaned when
   * the engine's process died. The process must still have the start time recorded, so a recycled
   * PID is never killed.
   *
   * @return true when a live orphan was killed
   */
  public static boolean reapOrphan(Path pidFile, Duration grace) {
    Optional<ProcessHandle> orphan = recordedProcess(pidFile);
    deleteQuietly(pidFile);
    if (orphan.isEmpty()) {
      return false;
    }
    ProcessHandle leader = orphan.get();
    List<ProcessHandle> descendants = leader.descendants().toList();
    signalGroup(leader.pid(), "TERM");
    leader.destroy();
    try {
      leader.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stillAlive) {
      // SIGKILL follows.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    signalGroup(leader.pid(), "KILL");
    leader.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    return true;
  }

  /** The live process a pid file names, if it is still the process that was started (same start time). */
  private static Optional<ProcessHandle> recordedProcess(Path pidFile) {
    try {
      String[] parts = Files.readString(pidFile, StandardCharsets.UTF_8).strip().split(" ");
      if (parts.length < 2) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(parts[0]))
          .filter(ProcessHandle::isAlive)
          .filter(h -> h.info().startInstant().map(Instant::toString).map(parts[1]::equals).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> find(String program) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin", "/usr/sbin", "/sbin")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A stale pid file is harmless: reapOrphan checks the process's start time before killing anything.
    }
  }

  /** True when commands get a process group of their own (setsid is available). */
  public static boolean usesProcessGroups() {
    return SETSID.isPresent();
  }
}
