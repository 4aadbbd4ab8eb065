package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.agent.env.search.GlobFinder;
import dev.darkfactory.agent.env.search.GrepEngine;
import dev.darkfactory.agent.env.search.GrepQuery;
import dev.darkfactory.agent.env.search.GrepResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs everything on this machine (coding-agent-loop-spec §4.2, the required implementation).
 *
 * <p>Paths are resolved against the working directory. Commands run through {@code /bin/bash -c}
 * in their own process group with a filtered environment ({@link ProcessGroupRunner}); grep uses
 * ripgrep when installed and an equivalent Java search otherwise; glob walks the file system and
 * sorts by modification time. {@link #cleanup()} ends every command still running.
 */
public final class LocalExecutionEnvironment implements ExecutionEnvironment {
  private final Path workingDirectory;
  private final ProcessGroupRunner runner;
  private final GrepEngine grepEngine;
  private final LocalFiles files;

  private LocalExecutionEnvironment(Builder builder) {
    this.workingDirectory = builder.workingDirectory;
    this.runner = builder.runner != null ? builder.runner : ProcessGroupRunner.builder().policy(builder.policy).build();
    this.grepEngine = builder.grepEngine != null ? builder.grepEngine : GrepEngine.detect();
    this.files = new LocalFiles(workingDirectory);
  }

  /** A local environment in {@code workingDirectory} with the default policy and search engine. */
  public static LocalExecutionEnvironment create(Path workingDirectory) {
    return builder(workingDirectory).build();
  }

  public static Builder builder(Path workingDirectory) {
    return new Builder(workingDirectory);
  }

  /** The runner commands go through; shared with a {@link SandboxedExecutionEnvironment}. */
  public ProcessGroupRunner runner() {
    return runner;
  }

  public GrepEngine grepEngine() {
    return grepEngine;
  }

  /** {@code path} resolved against the working directory and normalized. */
  public Path resolve(String path) {
    return files.resolve(path);
  }

  @Override
  public String readFile(String path, int offset, int limit) {
    return files.readLines(path, offset, limit);
  }

  @Override
  public byte[] readBytes(String path) {
    return files.readBytes(path);
  }

  @Override
  public void writeFile(String path, String content) {
    files.write(path, content);
  }

  @Override
  public void deleteFile(String path) {
    files.delete(path);
  }

  @Override
  public boolean fileExists(String path) {
    return Files.exists(resolve(path));
  }

  @Override
  public List<DirEntry> listDirectory(String path, int depth) {
    return files.list(path, depth);
  }

  @Override
  public ExecResult execCommand(CommandRequest request) {
    return runner.run(
        ProcessSpec.shell(request.command(), commandDirectory(request), request.timeout())
            .withEnvironment(request.environment())
            .withOutputListener(request.outputListener()));
  }

  /** Where a command runs: the request's directory resolved against ours, which must exist. */
  Path commandDirectory(CommandRequest request) {
    Path directory = request.workingDirectory().map(this::resolve).orElse(workingDirectory);
    if (!Files.isDirectory(directory)) {
      throw new EnvironmentException(
          EnvironmentException.Reason.NOT_A_DIRECTORY,
          "Cannot run the command in " + directory + ": no such directory.");
    }
    return directory;
  }

  @Override
  public String grep(String pattern, String path, GrepOptions options) {
    Path root = resolve(path);
    if (!Files.exists(root)) {
      throw new EnvironmentException(
          EnvironmentException.Reason.NOT_FOUND,
          "Path not found: " + path + ". Search the working directory by leaving out path.");
    }
    List<String> lines = grepEngine.search(new GrepQuery(pattern, root, workingDirectory, options));
    return GrepResults.render(lines, options.maxResults());
  }

  @Override
  public List<String> glob(String pattern, String path) {
    Path root = resolve(path);
    if (!Files.isDirectory(root)) {
      throw new EnvironmentException(
          EnvironmentException.Reason.NOT_FOUND,
          "Directory not found: " + path + ". Leave out path to search the working directory.");
    }
    return GlobFinder.find(pattern, root, workingDirectory);
  }

  @Override
  public void initialize() {
    if (!Files.isDirectory(workingDirectory)) {
      throw new EnvironmentException(
          EnvironmentException.Reason.NOT_A_DIRECTORY,
          "The working directory " + workingDirectory + " does not exist.");
    }
  }

  @Override
  public void cleanup() {
    runner.terminateAll();
  }

  @Override
  public String workingDirectory() {
    return workingDirectory.toString();
  }

  @Override
  public String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac") || os.contains("darwin")) {
      return "darwin";
    }
    if (os.contains("win")) {
      return "windows";
    }
    return "linux";
  }

  @Override
  public String osVersion() {
    return System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "");
  }

  /** Configures a {@link LocalExecutionEnvironment}. */
  public static final class Builder {
    private final Path workingDirectory;
    private EnvironmentPolicy policy = EnvironmentPolicy.defaults();
    private ProcessGroupRunner runner;
    private GrepEngine grepEngine;

    private Builder(Path workingDirectory) {
      Objects.requireNonNull(workingDirectory, "workingDirectory");
      Path absolute = workingDirectory.toAbsolutePath().normalize();
      try {
        this.workingDirectory = Files.exists(absolute) ? absolute.toRealPath() : absolute;
      } catch (IOException e) {
        throw new EnvironmentException(
            EnvironmentException.Reason.IO_ERROR, "Cannot resolve " + absolute + ": " + e.getMessage(), e);
      }
    }

    /** Which inherited variables commands see; ignored when a runner is given. */
    public Builder environmentPolicy(EnvironmentPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    public Builder runner(ProcessGroupRunner value) {
      this.runner = Objects.requireNonNull(value, "runner");
      return this;
    }

    /** The search engine; ripgrep when installed by default. */
    public Builder grepEngine(GrepEngine value) {
      this.grepEngine = Objects.requireNonNull(value, "grepEngine");
      return this;
    }

    public LocalExecutionEnvironment build() {
      return new LocalExecutionEnvironment(this);
    }
  }
}
