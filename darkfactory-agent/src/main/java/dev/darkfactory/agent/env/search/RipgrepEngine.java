package dev.darkfactory.agent.env.search;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.env.GrepOptions;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Searches with ripgrep (coding-agent-loop-spec §4.2: "Use ripgrep for grep if available"), pinned
 * to the semantics the Java engine reproduces: no user configuration, no global or {@code
 * .ignore} files, {@code .gitignore} only inside a repository, results sorted by path. Output is
 * read as it arrives and ripgrep is stopped once enough results are in.
 */
public final class RipgrepEngine implements GrepEngine {
  private static final Pattern BINARY_NOTICE =
      Pattern.compile(".*: binary file matches \\(found \"\\\\0\" byte around offset \\d+\\)");

  private final Path executable;

  public RipgrepEngine(Path executable) {
    this.executable = executable;
  }

  /** {@code rg} from the {@code PATH}, if installed. */
  public static Optional<RipgrepEngine> find() {
    return find(System.getenv("PATH"));
  }

  /** {@code rg} from a {@code PATH}-style list of directories. */
  public static Optional<RipgrepEngine> find(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "rg");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new RipgrepEngine(candidate));
      }
    }
    return Optional.empty();
  }

  @Override
  public String name() {
    return "ripgrep";
  }

  @Override
  public List<String> search(GrepQuery query) {
    List<String> argv = arguments(query);
    Process process;
    try {
      process =
          EnvironmentPolicy.defaults().applyTo(new ProcessBuilder(argv), java.util.Map.of())
              .directory(query.displayBase().toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new EnvironmentException(
          EnvironmentException.Reason.UNAVAILABLE, "Could not run ripgrep: " + e.getMessage(), e);
    }
    FutureTask<String> stderr = new FutureTask<>(() -> readAll(process));
    Thread.ofVirtual().name("ripgrep-stderr").start(stderr);
    int wanted = query.options().maxResults() + 1;
    List<String> lines = new ArrayList<>();
    boolean stoppedEarly = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = readLine(out)) != null) {
        if (BINARY_NOTICE.matcher(line).matches()) {
          continue;
        }
        lines.add(line);
        if (lines.size() >= wanted) {
          stoppedEarly = true;
          break;
        }
      }
    } catch (IOException e) {
      throw new EnvironmentException(
          EnvironmentException.Reason.IO_ERROR, "Reading ripgrep output failed: " + e.getMessage(), e);
    } finally {
      if (stoppedEarly) {
        process.destroyForcibly();
      }
    }
    int exit = waitFor(process);
    if (!stoppedEarly && exit == 2 && lines.isEmpty()) {
      String message = errorText(stderr);
      throw new EnvironmentException(
          EnvironmentException.Reason.INVALID_PATTERN,
          "Search failed: " + message + (message.contains("regex") ? "\nFix the regular expression and retry." : ""));
    }
    return lines;
  }

  private List<String> arguments(GrepQuery query) {
    GrepOptions options = query.options();
    List<String> argv = new ArrayList<>(List.of(
        executable.toString(), "--no-config", "--no-messages", "--color", "never", "--no-heading",
        "--with-filename", "--line-number", "--sort", "path", "--no-ignore-global",
        "--no-ignore-exclude", "--no-ignore-dot"));
    if (options.caseInsensitive()) {
      argv.add("--ignore-case");
    }
    options.globFilter().ifPresent(glob -> argv.addAll(List.of("--glob", glob)));
    switch (options.outputMode()) {
      case CONTENT -> {
        // path:line:text
      }
      case FILES_WITH_MATCHES -> argv.add("--files-with-matches");
      case COUNT -> argv.add("--count");
    }
    argv.addAll(List.of("--regexp", query.pattern()));
    Path root = query.root();
    if (!root.equals(query.displayBase())) {
      argv.add("--");
      argv.add(query.display(root));
    }
    return argv;
  }

  /**
   * One output line split on {@code \n} only (a lone {@code \r} inside a matched line is content),
   * with a trailing {@code \r} of a CRLF file dropped, as the Java engine does.
   */
  private static String readLine(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = reader.read()) >= 0 && c != '\n') {
      line.append((char) c);
    }
    if (c < 0 && line.isEmpty()) {
      return null;
    }
    int length = line.length();
    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
  }

  private static String readAll(Process process) {
    try {
      return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String errorText(FutureTask<String> stderr) {
    try {
      return stderr.get(5, TimeUnit.SECONDS).strip();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "ripgrep failed";
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return "ripgrep failed";
    }
  }

  private static int waitFor(Process process) {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
