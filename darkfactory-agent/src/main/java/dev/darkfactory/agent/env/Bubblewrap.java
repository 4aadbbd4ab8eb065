package dev.darkfactory.agent.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a working bubblewrap ({@code bwrap}). Being installed is not enough: without user
 * namespaces it fails at run time, so we try it once and remember the answer.
 */
public final class Bubblewrap {
  private Bubblewrap() {}

  /** The path of a {@code bwrap} that can start a sandbox here. */
  public static Optional<Path> find() {
    return Probe.RESULT;
  }

  public static boolean isAvailable() {
    return find().isPresent();
  }

  /** Computed once per JVM, on first use; immutable afterwards. */
  private static final class Probe {
    static final Optional<Path> RESULT = probe();

    private static Optional<Path> probe() {
      String path = System.getenv("PATH");
      if (path == null) {
        return Optional.empty();
      }
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
        if (Files.isExecutable(candidate) && works(candidate)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }

    private static boolean works(Path bwrap) {
      try {
        Process process =
            new ProcessBuilder(
                    bwrap.toString(), "--ro-bind", "/", "/", "--dev", "/dev", "--unshare-pid",
                    "--die-with-parent", "/bin/true")
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
