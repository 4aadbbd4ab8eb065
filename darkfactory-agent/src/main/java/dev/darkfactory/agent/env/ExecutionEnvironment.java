package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where tools run (coding-agent-loop-spec §4.1). Every tool reaches files and processes only through
 * this interface, so the same tools work locally, in a sandbox, or on a remote host.
 *
 * <p>Paths are strings in the environment's own file system; relative paths are resolved against
 * {@link #workingDirectory()}. Failures are {@link EnvironmentException}s whose messages are written
 * for the model, which reads them as tool results.
 *
 * <p>Implementations must be safe for concurrent use: parallel tool calls and subagents share one
 * environment (§3.2 {@code supports_parallel_tool_calls}, §7.3).
 */
public interface ExecutionEnvironment extends AutoCloseable {

  // ---- File operations ------------------------------------------------------------------------

  /**
   * Reads lines of a text file: from 1-based line {@code offset}, at most {@code limit} lines,
   * joined with {@code \n}. Refuses directories and binary files.
   */
  String readFile(String path, int offset, int limit);

  /** Reads a whole text file. */
  default String readFile(String path) {
    return readFile(path, 1, Integer.MAX_VALUE);
  }

  /** Reads raw bytes (images for multimodal models, §3.3 {@code read_file}). */
  byte[] readBytes(String path);

  /** Writes a file, creating parent directories as needed. */
  void writeFile(String path, String content);

  /** Deletes a file; an extension used by {@code apply_patch} (Appendix A "Delete File"). */
  void deleteFile(String path);

  boolean fileExists(String path);

  /**
   * Lists a directory to {@code depth} levels (1 = immediate children). Entry names are paths
   * relative to the listed directory, sorted by name.
   */
  List<DirEntry> listDirectory(String path, int depth);

  // ---- Command execution ----------------------------------------------------------------------

  /**
   * Runs a shell command. A timeout is not an exception: the result says so and carries the output
   * collected until then (§5.4).
   */
  ExecResult execCommand(CommandRequest request);

  /** The spec's signature of {@code exec_command} (§4.1). */
  default ExecResult execCommand(
      String command, Duration timeout, Optional<String> workingDir, Map<String, String> envVars) {
    return execCommand(
        CommandRequest.of(command, timeout).withWorkingDirectory(workingDir).withEnvironment(envVars));
  }

  // ---- Search ---------------------------------------------------------------------------------

  /** Searches file contents under {@code path} (a directory or a file); see {@link GrepOptions}. */
  String grep(String pattern, String path, GrepOptions options);

  /** Files matching a glob under {@code path}, newest first (§3.3 {@code glob}). */
  List<String> glob(String pattern, String path);

  // ---- Lifecycle and metadata -----------------------------------------------------------------

  /** Prepares the environment; called before the first tool runs. */
  void initialize();

  /** Releases resources and ends every process still running (Appendix B, shutdown steps 2-4). */
  void cleanup();

  /** {@link #cleanup()}. */
  @Override
  default void close() {
    cleanup();
  }

  /** The absolute working directory. */
  String workingDirectory();

  /** "linux", "darwin", "windows" or "wasm". */
  String platform();

  String osVersion();
}
