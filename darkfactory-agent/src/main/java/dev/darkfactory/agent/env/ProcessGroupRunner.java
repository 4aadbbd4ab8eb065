package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs commands the way an unattended agent needs (coding-agent-loop-spec §4.2, §5.4, Appendix B):
 *
 * <ul>
 *   <li>each command leads its own process group ({@code setsid}), so the whole tree it starts can
 *       be signalled at once;
 *   <li>on timeout, or when the waiting thread is interrupted (an abort), the group gets SIGTERM,
 *       then SIGKILL after a grace period (2 s by default); the output collected so far is
 *       returned, not lost;
 *   <li>processes the command left running in the background are ended when it exits, so nothing
 *       outlives the call and holds its output pipes open;
 *   <li>the environment is chosen by an {@link EnvironmentPolicy} (the allow-list by default);
 *       standard input is empty.
 * </ul>
 *
 * <p>Safe for concurrent use. {@link #terminateAll()} ends every command still running, for
 * shutdown. The pipeline's tool node applies the same {@link EnvironmentPolicy}.
 */
public final class ProcessGroupRunner {
  /** The spec's wait between SIGTERM and SIGKILL (§5.4). */
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);
  /** How much of each stream is kept in memory: 8 Mi characters, first and last halves. */
  public static final int DEFAULT_MAX_CAPTURED_CHARS = 8 * 1024 * 1024;

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final Duration READER_DRAIN = Duration.ofMillis(500);

  private final EnvironmentPolicy policy;
  private final Map<String, String> parentEnvironment;
  private final Duration killGrace;
  private final int maxCapturedChars;
  private final Set<RunningGroup> running = ConcurrentHashMap.newKeySet();

  private ProcessGroupRunner(Builder builder) {
    this.policy = builder.policy;
    this.parentEnvironment = Map.copyOf(builder.parentEnvironment);
    this.killGrace = builder.killGrace;
    this.maxCapturedChars = builder.maxCapturedChars;
  }

  /** The default policy over this process's environment. */
  public static ProcessGroupRunner create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public EnvironmentPolicy policy() {
    return policy;
  }

  /** The environment a command started by this runner sees, before per-command variables. */
  public Map<String, String> commandEnvironment(Map<String, String> explicit) {
    return policy.apply(parentEnvironment, explicit);
  }

  /** Runs {@code /bin/bash -c command}. */
  public ExecResult runShell(String command, java.nio.file.Path directory, Duration timeout) {
    return run(ProcessSpec.shell(command, directory, timeout));
  }

  /**
   * Runs a process to completion, timeout or interruption. Never throws for the command's own
   * failure: a non-zero exit, a timeout and a cancellation are all results. An interrupted caller
   * gets a result with {@code cancelled} set and its interrupt status restored.
   *
   * @throws EnvironmentException when the process cannot be started at all
   */
  public ExecResult run(ProcessSpec spec) {
    long started = System.nanoTime();
    Process process = start(spec);
    RunningGroup group = new RunningGroup(process, ProcessGroups.setsid().isPresent());
    running.add(group);
    CappedText stdout = new CappedText(maxCapturedChars);
    CappedText stderr = new CappedText(maxCapturedChars);
    Thread outReader = reader(process.getInputStream(), stdout, OutputListener.Stream.STDOUT, spec);
    Thread errReader = reader(process.getErrorStream(), stderr, OutputListener.Stream.STDERR, spec);
    boolean timedOut = false;
    boolean cancelled = false;
    try {
      if (!process.waitFor(spec.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        timedOut = true;
        terminate(group);
      }
    } catch (InterruptedException interrupted) {
      cancelled = true;
      terminate(group);
    } finally {
      endLeftovers(group);
      running.remove(group);
    }
    joinReaders(outReader, errReader);
    if (cancelled) {
      Thread.currentThread().interrupt();
    }
    int exitCode = process.isAlive() ? -1 : process.exitValue();
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new ExecResult(stdout.text(), stderr.text(), exitCode, timedOut, cancelled, durationMs);
  }

  /**
   * Ends every command still running: SIGTERM to all their groups at once, one grace period, then
   * SIGKILL (Appendix B, graceful shutdown steps 2-4). Their {@link #run} calls return with the
   * output collected so far.
   */
  public void terminateAll() {
    List<RunningGroup> groups = new ArrayList<>(running);
    groups.forEach(group -> group.signal("TERM"));
    long deadline = System.nanoTime() + killGrace.toNanos();
    while (groups.stream().anyMatch(RunningGroup::isAlive) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(POLL_NANOS);
    }
    groups.stream().filter(RunningGroup::isAlive).forEach(group -> group.signal("KILL"));
  }

  /** How many commands are running now. */
  public int runningCount() {
    return running.size();
  }

  private Process start(ProcessSpec spec) {
    List<String> argv = new ArrayList<>();
    ProcessGroups.setsid().ifPresent(argv::add);
    argv.addAll(spec.argv());
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(spec.directory().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.putAll(policy.apply(parentEnvironment, spec.environment()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new EnvironmentException(
          EnvironmentException.Reason.UNAVAILABLE,
          "Could not start " + spec.argv().getFirst() + " in " + spec.directory() + ": " + e.getMessage(),
          e);
    }
  }

  private static Thread reader(
      InputStream stream, CappedText sink, OutputListener.Stream which, ProcessSpec spec) {
    return Thread.ofVirtual()
        .name("process-" + which.name().toLowerCase(java.util.Locale.ROOT))
        .start(
            () -> {
              char[] buffer = new char[8192];
              try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int read;
                while ((read = reader.read(buffer)) >= 0) {
                  sink.append(buffer, read);
                  spec.outputListener().onOutput(which, new String(buffer, 0, read));
                }
              } catch (IOException e) {
                // The pipe closed under us (process killed): keep what was read.
              }
            });
  }

  /**
   * SIGTERM, a grace period, SIGKILL (§5.4). Runs with the interrupt status cleared, since an
   * interrupt is what may have brought us here; the caller restores it.
   */
  private void terminate(RunningGroup group) {
    boolean wasInterrupted = Thread.interrupted();
    group.signal("TERM");
    long deadline = System.nanoTime() + killGrace.toNanos();
    while (group.isAlive() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(POLL_NANOS);
      Thread.interrupted();
    }
    if (group.isAlive()) {
      group.signal("KILL");
    }
    try {
      group.process.waitFor(killGrace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ignored) {
      // We are already terminating; the interrupt is restored by the caller.
    }
    if (wasInterrupted) {
      Thread.interrupted();
    }
  }

  /** Background processes the command left behind would keep its pipes open: end them too. */
  private void endLeftovers(RunningGroup group) {
    if (group.isAlive()) {
      terminate(group);
    }
  }

  private static void joinReaders(Thread... readers) {
    long deadline = System.nanoTime() + READER_DRAIN.toNanos();
    for (Thread reader : readers) {
      long remaining = deadline - System.nanoTime();
      try {
        if (remaining > 0) {
          reader.join(Duration.ofNanos(remaining));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      // A reader still blocked here belongs to a process that escaped its group (it called
      // setsid itself) and still holds the pipe; we return what we have rather than wait for it.
    }
  }

  /** One started command: its group id and a snapshot of its descendants, for signalling. */
  private static final class RunningGroup {
    private final Process process;
    private final boolean ownGroup;
    private final Set<ProcessHandle> known = ConcurrentHashMap.newKeySet();

    RunningGroup(Process process, boolean ownGroup) {
      this.process = process;
      this.ownGroup = ownGroup;
    }

    /**
     * Signals the group and every descendant we can see: a descendant that moved to its own group
     * is still reached while its parent lives, and one seen once is remembered after reparenting.
     */
    void signal(String signal) {
      process.descendants().forEach(known::add);
      if (ownGroup) {
        ProcessGroups.signal(process.pid(), signal);
      }
      for (ProcessHandle handle : known) {
        if ("KILL".equals(signal)) {
          handle.destroyForcibly();
        } else {
          handle.destroy();
        }
      }
      if ("KILL".equals(signal)) {
        process.destroyForcibly();
      } else if (!ownGroup) {
        process.destroy();
      }
    }

    boolean isAlive() {
      if (ownGroup && ProcessGroups.isAlive(process.pid())) {
        return true;
      }
      return process.isAlive() || known.stream().anyMatch(ProcessGroupRunner::liveNonZombie);
    }
  }

  private static boolean liveNonZombie(ProcessHandle handle) {
    return handle.isAlive() && ProcessGroups.isRunning(handle.pid());
  }

  /** Configures a {@link ProcessGroupRunner}. */
  public static final class Builder {
    private EnvironmentPolicy policy = EnvironmentPolicy.defaults();
    private Map<String, String> parentEnvironment = System.getenv();
    private Duration killGrace = DEFAULT_KILL_GRACE;
    private int maxCapturedChars = DEFAULT_MAX_CAPTURED_CHARS;

    private Builder() {}

    public Builder policy(EnvironmentPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /** The variables commands may inherit; this process's environment by default. */
    public Builder parentEnvironment(Map<String, String> value) {
      this.parentEnvironment = Objects.requireNonNull(value, "parentEnvironment");
      return this;
    }

    public Builder killGrace(Duration value) {
      this.killGrace = Objects.requireNonNull(value, "killGrace");
      return this;
    }

    public Builder maxCapturedChars(int value) {
      if (value < 2) {
        throw new IllegalArgumentException("maxCapturedChars must be at least 2");
      }
      this.maxCapturedChars = value;
      return this;
    }

    public ProcessGroupRunner build() {
      return new ProcessGroupRunner(this);
    }
  }
}
