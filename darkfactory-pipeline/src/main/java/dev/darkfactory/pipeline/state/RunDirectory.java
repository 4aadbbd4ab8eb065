package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.problem.RunStorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one run (attractor-spec.md 5.6):
 *
 * <pre>
 * {logs_root}/
 *     checkpoint.json      after every node, atomically
 *     manifest.json        run ID, pipeline, goal, start and end
 *     events.jsonl         every event, one JSON object per line, append-only
 *     pipeline.dot         the graph that ran, in canonical DOT
 *     {node_id}/           status.json, prompt.md, response.md, stdout.txt, ...
 *     artifacts/           file-backed artifacts (5.5)
 * </pre>
 */
public final class RunDirectory {
  public static final String EVENTS_FILE = "events.jsonl";
  public static final String GRAPH_FILE = "pipeline.dot";
  public static final String ARTIFACTS_DIR = "artifacts";

  private final Path root;
  private final CheckpointStore checkpoints;
  private final java.util.Set<String> createdStageDirs = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Stage directories this object created empty, in which no stage has run since: they hold no {@code status.json}. */
  private final java.util.Set<Path> pristineStageDirs = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private RunDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.checkpoints = CheckpointStore.in(this.root);
  }

  /** The run directory at {@code root}; nothing is created until something is written. */
  public static RunDirectory at(Path root) {
    return new RunDirectory(root);
  }

  public Path root() {
    return root;
  }

  public CheckpointStore checkpoints() {
    return checkpoints;
  }

  public Path eventsFile() {
    return root.resolve(EVENTS_FILE);
  }

  public Path manifestFile() {
    return root.resolve(Manifest.FILE_NAME);
  }

  public Path graphFile() {
    return root.resolve(GRAPH_FILE);
  }

  public Path artifactsDir() {
    return root.resolve(ARTIFACTS_DIR);
  }

  /** {@code {logs_root}/{node_id}/}, created on first use. */
  public Path stageDir(String nodeId) {
    Path dir = root.resolve(nodeId);
    if (createdStageDirs.contains(nodeId)) {
      return dir;
    }
    try {
      try {
        Files.createDirectory(dir);
        pristineStageDirs.add(dir);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(dir)) {
          throw e;
        }
      } catch (NoSuchFileException e) {
        Files.createDirectories(dir); // a node ID with a '/' in it, or a root not created yet
      }
      createdStageDirs.add(nodeId);
    } catch (IOException e) {
      throw new RunStorageException(dir, "cannot create the stage directory " + dir + ": " + IoReasons.of(e), e);
    }
    return dir;
  }

  /**
   * Removes {@code status.json} from a stage directory before a backend runs there, so a file left
   * by an earlier attempt or visit (or an earlier process) is not mistaken for one the backend
   * writes now. When this object created the directory and no stage has run in it since, there is
   * nothing to remove and the file system is not asked (a stat and an unlink per LLM node).
   */
  public void discardStatus(Path stageDir) throws IOException {
    if (!pristineStageDirs.remove(stageDir)) {
      Files.deleteIfExists(stageDir.resolve(StatusFile.FILE_NAME));
    }
  }

  /** Creates the root; a logs root that exists but is a file is refused. */
  public void create() {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new RunStorageException(root, "cannot create the logs root " + root + ": " + IoReasons.of(e), e);
    }
  }

  /** Writes {@code status.json} of a stage (Appendix C), indented, after each attempt. */
  public void writeStatus(String nodeId, Outcome outcome) {
    Path dir = stageDir(nodeId);
    pristineStageDirs.remove(dir);
    Path file = dir.resolve(StatusFile.FILE_NAME);
    try {
      JsonBytes json = JsonBytes.pretty(256);
      StatusFile.write(json, outcome);
      Files.write(file, json.toByteArray());
    } catch (IOException e) {
      throw new RunStorageException(file, "cannot write " + file + ": " + IoReasons.of(e), e);
    }
  }

  public void writeManifest(Manifest manifest) {
    Path file = manifestFile();
    try {
      AtomicFiles.write(file, JsonValues.pretty(manifest.toJson()));
    } catch (IOException e) {
      throw new RunStorageException(file, "cannot write " + file + ": " + IoReasons.of(e), e);
    }
  }

  public Optional<Manifest> readManifest() {
    Path file = manifestFile();
    try {
      return Optional.of(Manifest.fromJson(JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw new RunStorageException(file, "cannot read " + file + ": " + IoReasons.of(e), e);
    }
  }

  /** Writes a small report file (not recovery state, so not forced to disk). */
  public void write(Path file, String text) {
    try {
      if (!Files.isDirectory(file.getParent())) {
        Files.createDirectories(file.getParent());
      }
      AtomicFiles.writePlain(file, text);
    } catch (IOException e) {
      throw new RunStorageException(file, "cannot write " + file + ": " + IoReasons.of(e), e);
    }
  }

  /** The directory of the {@code n}-th restart of this run ({@code loop_restart}, 2.7). */
  public RunDirectory restart(int n) {
    return new RunDirectory(root.resolve("restart-" + n));
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
