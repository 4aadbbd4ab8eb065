package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Watches one agent stage while it runs, on a virtual thread:
 *
 * <ul>
 *   <li>the stall watchdog: when the agent has produced nothing (no event: no text, no tool call,
 *       no tool output) and the workspace has not changed for {@code stall_timeout}, the session is
 *       aborted and the stage fails with that reason;
 *   <li>the node's {@code timeout} (attractor-spec.md 2.6): the session is aborted when it passes;
 *   <li>steering (4.11): a {@code steer.md} a manager loop writes into the stage directory is
 *       delivered to the session as a steering message and renamed {@code steer.delivered.N.md}.
 * </ul>
 *
 * The workspace is fingerprinted (paths, sizes and modification times, skipping {@code .git},
 * build output and dependency directories) only while the agent is silent, so busy stages cost
 * nothing. A change made in the first quarter of a silence can go unnoticed, so a stall is declared
 * after at least three quarters of the limit without a change.
 */
final class StageWatchdog implements AutoCloseable {
  static final String STEER_FILE = "steer.md";
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "build", "node_modules", ".gradle", ".factory", ".venv", "__pycache__");
  private static final int MAX_FINGERPRINT_FILES = 50_000;

  private final StageRun stage;
  private final Session session;
  private final Optional<Duration> stallTimeout;
  private final Optional<Duration> nodeTimeout;
  private final Path workspace;
  private final long started = System.nanoTime();
  private final Thread thread;
  private volatile boolean closed;
  /** The workspace as it was when the agent fell silent; null while it is busy. */
  private Long quietWorkspace;
  private long lastLook;
  private int delivered;

  StageWatchdog(StageRun stage, Session session, Optional<Duration> stallTimeout, Optional<Duration> nodeTimeout, Path workspace) {
    this.stage = stage;
    this.session = session;
    this.stallTimeout = stallTimeout.filter(d -> !d.isZero() && !d.isNegative());
    this.nodeTimeout = nodeTimeout.filter(d -> !d.isZero() && !d.isNegative());
    this.workspace = workspace;
    this.thread = Thread.ofVirtual().name("stage-watchdog-" + stage.nodeIdValue()).start(this::watch);
  }

  /** How often to look: often enough for the shortest limit, at most every second. */
  private Duration tick() {
    Duration tick = Duration.ofSeconds(1);
    for (Duration limit : new Duration[] {stallTimeout.orElse(null), nodeTimeout.orElse(null)}) {
      if (limit != null && limit.dividedBy(4).compareTo(tick) < 0) {
        tick = limit.dividedBy(4).isZero() ? Duration.ofMillis(10) : limit.dividedBy(4);
      }
    }
    return tick;
  }

  private void watch() {
    Duration tick = tick();
    while (!closed) {
      try {
        Thread.sleep(tick);
      } catch (InterruptedException stop) {
        return;
      }
      if (closed) {
        return;
      }
      deliverSteering();
      if (nodeTimeout.isPresent() && elapsedSince(started).compareTo(nodeTimeout.get()) > 0) {
        abort("the stage exceeded its timeout (timeout=" + seconds(nodeTimeout.get()) + ")");
        return;
      }
      if (stallTimeout.isPresent() && stalled(stallTimeout.get())) {
        abort("stalled: the agent produced no output and changed nothing in the workspace for " + seconds(stallTimeout.get()));
        return;
      }
    }
  }

  /**
   * Stalled: silent for {@code limit} with no file changed. The workspace is fingerprinted only
   * once the agent has been silent for a quarter of the limit (the baseline), then every tenth of
   * the limit, and once more before giving up; a change counts as progress. So a busy agent costs
   * nothing, and a quiet one at most a directory walk every tenth of the limit.
   */
  private boolean stalled(Duration limit) {
    Duration idle = elapsedSince(stage.lastProgressNanos());
    if (idle.compareTo(limit.dividedBy(4)) < 0) {
      quietWorkspace = null;
      return false;
    }
    boolean over = idle.compareTo(limit) > 0;
    long now = System.nanoTime();
    if (quietWorkspace == null || over || Duration.ofNanos(now - lastLook).compareTo(limit.dividedBy(10)) >= 0) {
      long current = fingerprint(workspace);
      lastLook = now;
      if (quietWorkspace == null) {
        quietWorkspace = current;
      } else if (current != quietWorkspace) {
        quietWorkspace = null;
        stage.progressed();
        return false;
      }
    }
    return over;
  }

  private void abort(String reason) {
    if (stage.abortFor(reason)) {
      stage.note(reason + ": stopping the agent");
      session.abort();
    }
  }

  private void deliverSteering() {
    Path file = stage.stageDir().resolve(STEER_FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      String message = Files.readString(file, StandardCharsets.UTF_8).strip();
      Files.move(file, stage.stageDir().resolve("steer.delivered." + (++delivered) + ".md"), StandardCopyOption.REPLACE_EXISTING);
      if (!message.isEmpty()) {
        session.steer(message);
        stage.progressed();
        stage.note("steering delivered to the agent: " + (message.length() > 80 ? message.substring(0, 77) + "..." : message));
      }
    } catch (IOException | RuntimeException e) {
      stage.note("could not deliver " + STEER_FILE + ": " + e.getMessage());
    }
  }

  /** A hash of every file's path, size and modification time; 0 when the workspace cannot be read. */
  static long fingerprint(Path root) {
    long[] hash = {17, 0};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && SKIPPED_DIRS.contains(String.valueOf(dir.getFileName())) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          hash[0] = 31 * hash[0] + file.hashCode();
          hash[0] = 31 * hash[0] + Long.hashCode(attrs.size());
          hash[0] = 31 * hash[0] + Long.hashCode(attrs.lastModifiedTime().toMillis());
          return ++hash[1] > MAX_FINGERPRINT_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException unreadable) {
      return 0;
    }
    return hash[0];
  }

  private static Duration elapsedSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
