package dev.darkfactory.agent.env;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a working bubblewrap ({@code bwrap}) and what it can do here. Being installed is not
 * enough: without namespaces it fails at run time, so we try it once and remember the answer. A
 * user namespace is tried separately: where the kernel refuses one to us (some distributions turn
 * unprivileged user namespaces off, and a setuid bwrap does not need them), the sandbox runs
 * without it and says so ({@link #usesUserNamespace()}).
 */
public final class Bubblewrap {
  private Bubblewrap() {}

  /** The path of a {@code bwrap} that can start a sandbox here. */
  public static Optional<Path> find() {
    return Probe.RESULT.map(Probe.Result::bwrap);
  }

  public static boolean isAvailable() {
    return find().isPresent();
  }

  /**
   * Whether sandboxed commands get a user namespace of their own ({@code --unshare-user}): their
   * root, if they run as root, has no power outside, and mounts cannot be changed from inside.
   */
  public static boolean usesUserNamespace() {
    return Probe.RESULT.map(Probe.Result::userNamespace).orElse(false);
  }

  /** Computed once per JVM, on first use; immutable afterwards. */
  private static final class Probe {
    record Result(Path bwrap, boolean userNamespace) {}

    static final Optional<Result> RESULT = probe();

    private static Optional<Result> probe() {
      String path = System.getenv("PATH");
      if (path == null) {
        return Optional.empty();
      }
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
        if (Files.isExecutable(candidate) && works(candidate, false)) {
          return Optional.of(new Result(candidate, works(candidate, true)));
        }
      }
      return Optional.empty();
    }

    private static boolean works(Path bwrap, boolean userNamespace) {
      List<String> argv = new ArrayList<>(List.of(bwrap.toString()));
      if (userNamespace) {
        argv.add("--unshare-user");
      }
      argv.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--unshare-pid", "--die-with-parent", "/bin/true"));
      try {
        Process process = EnvironmentPolicy.defaults().applyTo(new ProcessBuilder(argv), Map.of())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return false;
        }
        return process.exitValue() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
