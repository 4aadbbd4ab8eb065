package dev.darkfactory.twin.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Process groups for external twins: started under {@code setsid}, a twin and everything it spawns form one group
 * the runtime can signal at once (the JDK signals single processes only), so stopping a twin leaves no orphan.
 */
final class ProcessGroups {

  private static final Optional<String> SETSID = find();

  private ProcessGroups() {}

  static Optional<String> setsid() {
    return SETSID;
  }

  private static Optional<String> find() {
    for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Sends {@code signal} (TERM, KILL) to every process of group {@code pgid}; false when {@code kill} is missing. */
  static boolean signal(long pgid, String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + pgid)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!kill.waitFor(5, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
      }
      return true;
    } catch (IOException e) {
      return false; // no kill binary: the caller falls back to the JDK's process handles
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
