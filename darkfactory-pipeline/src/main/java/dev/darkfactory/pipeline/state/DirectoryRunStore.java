package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.problem.RunStorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Runs as sub-directories of one data directory, named by run ID. */
public final class DirectoryRunStore implements RunStore {
  private final Path dataDir;

  public DirectoryRunStore(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public RunDirectory create(String runId) {
    RunDirectory run = RunDirectory.at(dataDir.resolve(runId));
    run.create();
    return run;
  }

  @Override
  public Optional<RunDirectory> open(String runId) {
    Path dir = dataDir.resolve(runId);
    return Files.isDirectory(dir) ? Optional.of(RunDirectory.at(dir)) : Optional.empty();
  }

  @Override
  public List<Manifest> list() {
    if (!Files.isDirectory(dataDir)) {
      return List.of();
    }
    List<Manifest> manifests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(dataDir)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try {
          RunDirectory.at(dir).readManifest().ifPresent(manifests::add);
        } catch (RunStorageException unreadable) {
          // A half-written or foreign directory is not a run; listing the others is more useful than failing.
        }
      }
    } catch (IOException e) {
      throw new RunStorageException(dataDir, "cannot list runs in " + dataDir + ": " + IoReasons.of(e), e);
    }
    manifests.sort(Comparator.comparing(Manifest::startedAt).reversed());
    return List.copyOf(manifests);
  }
}
