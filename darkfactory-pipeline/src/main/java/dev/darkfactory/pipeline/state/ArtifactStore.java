package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.problem.RunStorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/**
 * Named storage for stage outputs too large for the context (attractor-spec.md 5.5). Values are
 * JSON-shaped ({@link ContextValues}); those over {@link #FILE_BACKING_THRESHOLD} bytes of JSON go
 * to {@code {base_dir}/artifacts/{id}.json} and only their path stays in memory. Thread-safe.
 */
public final class ArtifactStore {
  /** 100 KB, the spec's default. */
  public static final long FILE_BACKING_THRESHOLD = 100 * 1024;

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]+");

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Entry> artifacts = new LinkedHashMap<>();
  private final Optional<Path> baseDir;
  private final long threshold;
  private final Clock clock;

  private record Entry(ArtifactInfo info, Object value) {}

  public ArtifactStore(Optional<Path> baseDir, long threshold, Clock clock) {
    this.baseDir = baseDir;
    this.threshold = threshold;
    this.clock = clock;
  }

  /** A store that backs large artifacts with files under {@code baseDir/artifacts}. */
  public static ArtifactStore fileBacked(Path baseDir) {
    return new ArtifactStore(Optional.of(baseDir), FILE_BACKING_THRESHOLD, Clock.systemUTC());
  }

  /** A store that keeps everything in memory. */
  public static ArtifactStore inMemory() {
    return new ArtifactStore(Optional.empty(), FILE_BACKING_THRESHOLD, Clock.systemUTC());
  }

  public ArtifactInfo store(String id, String name, Object data) {
    if (!SAFE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("artifact IDs are letters, digits, '.', '_' and '-': " + id);
    }
    Object value = ContextValues.normalize(data);
    String json = JsonValues.compact(JsonValues.toNode(value));
    long size = json.getBytes(StandardCharsets.UTF_8).length;
    boolean fileBacked = size > threshold && baseDir.isPresent();
    Object stored = value;
    if (fileBacked) {
      Path file = baseDir.orElseThrow().resolve(RunDirectory.ARTIFACTS_DIR).resolve(id + ".json");
      try {
        Files.createDirectories(file.getParent());
        AtomicFiles.writePlain(file, json);
      } catch (IOException e) {
        throw new RunStorageException(file, "cannot write artifact " + id + " to " + file + ": " + IoReasons.of(e), e);
      }
      stored = file;
    }
    ArtifactInfo info = new ArtifactInfo(id, name, size, clock.instant(), fileBacked);
    lock.writeLock().lock();
    try {
      artifacts.put(id, new Entry(info, stored));
    } finally {
      lock.writeLock().unlock();
    }
    return info;
  }

  /** The artifact's value, read back from its file when file-backed. */
  public Object retrieve(String id) {
    Entry entry = entry(id).orElseThrow(() -> new NoSuchElementException("Artifact not found: " + id));
    if (entry.info().fileBacked()) {
      Path file = (Path) entry.value();
      try {
        return JsonValues.fromNode(JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new RunStorageException(file, "cannot read artifact " + id + " from " + file + ": " + IoReasons.of(e), e);
      }
    }
    return entry.value();
  }

  public boolean has(String id) {
    return entry(id).isPresent();
  }

  public List<ArtifactInfo> list() {
    lock.readLock().lock();
    try {
      return artifacts.values().stream().map(Entry::info).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  public void remove(String id) {
    Optional<Entry> removed;
    lock.writeLock().lock();
    try {
      removed = Optional.ofNullable(artifacts.remove(id));
    } finally {
      lock.writeLock().unlock();
    }
    removed.filter(e -> e.info().fileBacked()).ifPresent(e -> deleteQuietly((Path) e.value()));
  }

  public void clear() {
    List<Entry> all;
    lock.writeLock().lock();
    try {
      all = new ArrayList<>(artifacts.values());
      artifacts.clear();
    } finally {
      lock.writeLock().unlock();
    }
    all.stream().filter(e -> e.info().fileBacked()).forEach(e -> deleteQuietly((Path) e.value()));
  }

  public int size() {
    lock.readLock().lock();
    try {
      return artifacts.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  private Optional<Entry> entry(String id) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(artifacts.get(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The entry is gone from the store; a leftover file only costs disk space and is overwritten on reuse of the ID.
    }
  }
}
