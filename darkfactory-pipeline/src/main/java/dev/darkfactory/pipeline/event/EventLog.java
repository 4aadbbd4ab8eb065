package dev.darkfactory.pipeline.event;

import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.state.JsonValues;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends every event to {@code events.jsonl}, one JSON object per line ({@link EventJson}). Each
 * line goes to the operating system as it is written, so a process killed mid-run keeps every
 * event up to the kill; a resumed run appends to the same file.
 */
public final class EventLog implements PipelineListener, AutoCloseable {
  private final Path file;
  private final OutputStream out;
  private boolean failed;

  private EventLog(Path file, OutputStream out) {
    this.file = file;
    this.out = out;
  }

  /** Opens {@code file} for appending, creating it (and its directory) if needed. */
  public static EventLog open(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return new EventLog(file, Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new RunStorageException(file, "cannot open the event log " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void onEvent(PipelineEvent event) {
    if (failed) {
      return;
    }
    try {
      out.write((JsonValues.compact(EventJson.toJson(event)) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Losing the audit file must not lose the run; the checkpoint still records progress. Stop trying after the first failure.
      failed = true;
    }
  }

  public Path file() {
    return file;
  }

  /** True when a write failed and later events were not recorded. */
  public synchronized boolean failed() {
    return failed;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      failed = true;
    }
  }
}
