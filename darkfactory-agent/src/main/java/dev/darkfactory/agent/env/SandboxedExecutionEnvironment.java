package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs commands under bubblewrap (coding-agent-loop-spec §8 "Sandbox / Security Policies", built
 * here as an extension): the whole system read-only, the working directory writable, a private
 * {@code /tmp}, private process, IPC and (unless allowed) network namespaces, and the sandbox
 * killed with its parent. File tools go to the wrapped local environment unchanged, since they
 * already act only where the agent points them; wrap in a {@link ConfinedExecutionEnvironment} to
 * keep them inside the working directory too.
 */
public final class SandboxedExecutionEnvironment extends ForwardingExecutionEnvironment {
  private final LocalExecutionEnvironment local;
  private final Path bwrap;
  private final SandboxPolicy policy;

  private SandboxedExecutionEnvironment(LocalExecutionEnvironment local, Path bwrap, SandboxPolicy policy) {
    super(local);
    this.local = local;
    this.bwrap = bwrap;
    this.policy = policy;
  }

  /**
   * Sandboxes {@code local}'s commands.
   *
   * @throws EnvironmentException when bubblewrap is not installed or cannot run here
   */
  public static SandboxedExecutionEnvironment create(LocalExecutionEnvironment local, SandboxPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    Path bwrap =
        Bubblewrap.find()
            .orElseThrow(
                () ->
                    new EnvironmentException(
                        EnvironmentException.Reason.UNAVAILABLE,
                        "The sandbox needs bubblewrap (bwrap), which is not installed or cannot create"
                            + " namespaces here. Install it (apt-get install bubblewrap) or run without"
                            + " the sandbox."));
    return new SandboxedExecutionEnvironment(local, bwrap, policy);
  }

  public SandboxPolicy policy() {
    return policy;
  }

  @Override
  public ExecResult execCommand(CommandRequest request) {
    Path directory = local.commandDirectory(request);
    return local
        .runner()
        .run(
            new ProcessSpec(
                arguments(directory, request.command()),
                directory,
                request.environment(),
                request.timeout(),
                request.outputListener()));
  }

  /** The bubblewrap command line for one shell command. */
  List<String> arguments(Path directory, String command) {
    Path workingDirectory = Path.of(local.workingDirectory());
    List<String> argv = new ArrayList<>(List.of(
        bwrap.toString(), "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-ipc"));
    if (!policy.allowNetwork()) {
      argv.add("--unshare-net");
    }
    argv.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
    bind(argv, workingDirectory);
    for (Path writable : policy.writablePaths()) {
      if (Files.isDirectory(writable)) {
        bind(argv, writable.toAbsolutePath().normalize());
      }
    }
    argv.addAll(List.of("--chdir", directory.toString(), "/bin/bash", "-c", command));
    return argv;
  }

  private static void bind(List<String> argv, Path path) {
    argv.addAll(List.of("--bind", path.toString(), path.toString()));
  }
}
