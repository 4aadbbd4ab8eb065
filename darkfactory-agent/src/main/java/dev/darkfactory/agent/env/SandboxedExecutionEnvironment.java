package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs commands under bubblewrap (coding-agent-loop-spec §8 "Sandbox / Security Policies", built
 * here as an extension). A command sees only what a build needs ({@link SandboxMounts}): the
 * system directories and the {@code /etc} entries programs need, read-only (not {@code
 * /etc/shadow}, {@code /etc/ssh}, {@code /root} or any other home); the JDK; the working directory
 * read-write with its repository's {@code .git} read-only; an empty private {@code /tmp} and home.
 * It runs in its own user namespace when the kernel allows one ({@link Bubblewrap#usesUserNamespace()}),
 * and in private process, IPC and (unless allowed) network namespaces; the sandbox is killed with
 * its parent. Its environment is the runner's ({@link ProcessGroupRunner}) with {@code HOME} and
 * {@code TMPDIR} pointing at the private directories.
 *
 * <p>File tools go to the wrapped local environment unchanged; wrap this in a {@link
 * ConfinedExecutionEnvironment} to keep them inside the working directory too (the CLI and the
 * pipeline's agent backend always do).
 */
public final class SandboxedExecutionEnvironment extends ForwardingExecutionEnvironment {
  private final LocalExecutionEnvironment local;
  private final Path bwrap;
  private final SandboxPolicy policy;
  private final boolean userNamespace;
  private final SandboxMounts mounts = new SandboxMounts(Path.of("/etc"));

  private SandboxedExecutionEnvironment(LocalExecutionEnvironment local, Path bwrap, SandboxPolicy policy, boolean userNamespace) {
    super(local);
    this.local = local;
    this.bwrap = bwrap;
    this.policy = policy;
    this.userNamespace = userNamespace;
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
    return new SandboxedExecutionEnvironment(local, bwrap, policy, Bubblewrap.usesUserNamespace());
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
                arguments(directory, request.command(), request.environment()),
                directory,
                request.environment(),
                request.timeout(),
                request.outputListener()));
  }

  /** Whether commands run in a user namespace of their own; see {@link Bubblewrap#usesUserNamespace()}. */
  public boolean usesUserNamespace() {
    return userNamespace;
  }

  /** The bubblewrap command line for one shell command. */
  List<String> arguments(Path directory, String command, Map<String, String> explicit) {
    List<String> argv = new ArrayList<>(List.of(
        bwrap.toString(), "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-ipc"));
    if (userNamespace) {
      argv.add("--unshare-user");
    }
    if (!policy.allowNetwork()) {
      argv.add("--unshare-net");
    }
    Path workingDirectory = Path.of(local.workingDirectory());
    argv.addAll(mounts.plan(workingDirectory, local.runner().commandEnvironment(explicit), policy));
    argv.addAll(List.of("--chdir", directory.toString(), "/bin/bash", "-c", command));
    return argv;
  }
}
