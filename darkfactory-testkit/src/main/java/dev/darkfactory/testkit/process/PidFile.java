package dev.darkfactory.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes a test started, as a file its shell commands write their process IDs to: a command appends its
 * own ({@code echo $$ >> FILE}) and those of the children it starts ({@code sleep 300 & echo $! >> FILE}), using
 * {@link #append}. The test then checks exactly those processes by PID, never by searching the machine ({@code
 * pgrep -f} also finds other builds' processes on a shared machine).
 *
 * <p>A process is pinned by its PID and start time when first seen, so a PID the system later reuses is not
 * mistaken for it; read the file while the processes are alive where the test can (a process that ended before it
 * was first seen counts as ended). A zombie counts as ended: a container's init may reap orphans late, or never.
 */
public final class PidFile {
  private static final Path PROC = Path.of("/proc");

  private final Path file;
  private final Map<Long, Optional<ProcessHandle>> seen = new ConcurrentHashMap<>();

  private PidFile(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The pid file {@code file} (usually inside the test's temporary directory); it need not exist yet. */
  public static PidFile at(Path file) {
    return new PidFile(file);
  }

  public Path path() {
    return file;
  }

  /** Shell text that appends the process ID {@code expression} ({@code $$}, {@code $!}) to this file. */
  public String append(String expression) {
    return "echo " + expression + " >> '" + file.toString().replace("'", "'\\''") + "'";
  }

  /** The process IDs written so far, in order; empty while the file does not exist. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    for (String line : lines()) {
      String text = line.strip();
      if (text.matches("\\d+")) {
        long pid = Long.parseLong(text);
        pids.add(pid);
        seen.computeIfAbsent(pid, ProcessHandle::of);
      }
    }
    return List.copyOf(pids);
  }

  /** The recorded processes that are still running (alive, the same process as first seen, not a zombie). */
  public List<ProcessHandle> running() {
    pids();
    return seen.values().stream().flatMap(Optional::stream).filter(PidFile::isRunning).toList();
  }

  /** Kills whatever recorded process still runs: a test's cleanup, so a failing test leaves nothing behind. */
  public void destroyAll() {
    running().forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public String toString() {
    return file + " " + pids();
  }

  /** Complete lines only: a line still being written has no newline yet. */
  private List<String> lines() {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      return end < 0 ? List.of() : text.substring(0, end).lines().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    if (!Files.isDirectory(PROC)) {
      return true;
    }
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(process.pid())).resolve("stat"), StandardCharsets.UTF_8);
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }
}
