package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.event.PipelineListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run one pipeline: where its directory is, what the context starts with, where commands
 * run, who else listens. Immutable; start from {@link #in(Path)} and add with the {@code with...}
 * methods.
 *
 * @param logsRoot the run directory (5.6)
 * @param runId the run's ID; generated when empty. On resume, when present, it must match the checkpoint's
 * @param context values the context starts with (after the mirrored graph attributes); on resume, applied over the restored context
 * @param workdir where tool commands run; the process's working directory by default
 * @param listeners listeners for this run only, besides the engine's
 * @param settings recorded in {@code manifest.json}: how the run was started (backend, files)
 * @param source the pipeline file, recorded in the manifest for {@code factory resume}
 * @param parentRunId the run that started this one (a manager loop's child)
 */
public record RunOptions(
    Path logsRoot,
    Optional<String> runId,
    Map<String, Object> context,
    Path workdir,
    List<PipelineListener> listeners,
    Map<String, String> settings,
    Optional<Path> source,
    Optional<String> parentRunId) {

  public RunOptions {
    Objects.requireNonNull(logsRoot, "logsRoot");
    Objects.requireNonNull(runId, "runId");
    context = Map.copyOf(context);
    Objects.requireNonNull(workdir, "workdir");
    listeners = List.copyOf(listeners);
    settings = Map.copyOf(settings);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parentRunId, "parentRunId");
  }

  /** Options for a run in {@code logsRoot}, working in the current directory. */
  public static RunOptions in(Path logsRoot) {
    return new RunOptions(logsRoot, Optional.empty(), Map.of(), Path.of("").toAbsolutePath(), List.of(), Map.of(), Optional.empty(), Optional.empty());
  }

  public RunOptions withRunId(String id) {
    return new RunOptions(logsRoot, Optional.of(id), context, workdir, listeners, settings, source, parentRunId);
  }

  public RunOptions withContext(Map<String, ?> values) {
    Map<String, Object> merged = new LinkedHashMap<>(context);
    merged.putAll(values);
    return new RunOptions(logsRoot, runId, merged, workdir, listeners, settings, source, parentRunId);
  }

  public RunOptions withWorkdir(Path directory) {
    return new RunOptions(logsRoot, runId, context, directory.toAbsolutePath(), listeners, settings, source, parentRunId);
  }

  public RunOptions withListener(PipelineListener listener) {
    List<PipelineListener> more = new ArrayList<>(listeners);
    more.add(listener);
    return new RunOptions(logsRoot, runId, context, workdir, more, settings, source, parentRunId);
  }

  public RunOptions withSettings(Map<String, String> values) {
    Map<String, String> merged = new LinkedHashMap<>(settings);
    merged.putAll(values);
    return new RunOptions(logsRoot, runId, context, workdir, listeners, merged, source, parentRunId);
  }

  public RunOptions withSource(Path file) {
    return new RunOptions(logsRoot, runId, context, workdir, listeners, settings, Optional.of(file.toAbsolutePath()), parentRunId);
  }

  public RunOptions withParentRunId(String id) {
    return new RunOptions(logsRoot, runId, context, workdir, listeners, settings, source, Optional.of(id));
  }
}
