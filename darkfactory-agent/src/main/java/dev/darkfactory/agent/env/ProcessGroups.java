package dev.darkfactory.agent.env;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Signals and inspects process groups. The JDK can signal single processes only, so group signals
 * go through {@code kill}; liveness is read from {@code /proc} on Linux, where it can tell zombies
 * apart (in containers whose init never reaps, a killed orphan stays a zombie forever).
 */
final class ProcessGroups {
  private static final Path PROC = Path.of("/proc");
  private static final Optional<String> SETSID = findSetsid();

  private ProcessGroups() {}

  /**
   * {@code setsid}, which makes the shell the leader of a new session and process group, so the
   * whole tree can be signalled at once (§4.2 "Spawn in a new process group").
   */
  static Optional<String> setsid() {
    return SETSID;
  }

  private static Optional<String> findSetsid() {
    for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Sends {@code signal} ("TERM", "KILL") to every process of group {@code pgid}. */
  static void signal(long pgid, String signal) {
    try {
      Process kill =
          EnvironmentPolicy.defaults().applyTo(new ProcessBuilder("kill", "-s", signal, "--", "-" + pgid), Map.of())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!kill.waitFor(5, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      // No kill binary: the descendants snapshot in ProcessGroupRunner still reaches most of the tree.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether any live (non-zombie) process belongs to group {@code pgid}. */
  static boolean isAlive(long pgid) {
    return !members(pgid).isEmpty() || (!Files.isDirectory(PROC) && killZero(pgid));
  }

  /** The live processes of group {@code pgid}, from {@code /proc}; empty where there is none. */
  static List<Long> members(long pgid) {
    List<Long> members = new ArrayList<>();
    if (!Files.isDirectory(PROC)) {
      return members;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        stat(entry)
            .filter(stat -> stat.pgid == pgid && stat.state != 'Z' && stat.state != 'X')
            .ifPresent(stat -> members.add(Long.parseLong(entry.getFileName().toString())));
      }
    } catch (IOException e) {
      // /proc vanished under us: treat as no members.
    }
    return members;
  }

  /** Whether process {@code pid} exists and is not a zombie ({@code true} where /proc is absent). */
  static boolean isRunning(long pid) {
    if (!Files.isDirectory(PROC)) {
      return true;
    }
    return stat(PROC.resolve(Long.toString(pid)))
        .map(stat -> stat.state != 'Z' && stat.state != 'X')
        .orElse(false);
  }

  private record Stat(char state, long pgid) {}

  /** Fields after the command name (which may contain spaces and parentheses): state ppid pgrp. */
  private static Optional<Stat> stat(Path processDir) {
    try {
      String text = Files.readString(processDir.resolve("stat"));
      int end = text.lastIndexOf(')');
      String[] fields = text.substring(end + 2).split(" ", 4);
      return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[2])));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the process exited while we looked
    }
  }

  private static boolean killZero(long pgid) {
    try {
      Process kill =
          EnvironmentPolicy.defaults().applyTo(new ProcessBuilder("kill", "-0", "--", "-" + pgid), Map.of())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
