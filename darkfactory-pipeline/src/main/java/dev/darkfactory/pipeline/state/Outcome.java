package dev.darkfactory.pipeline.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of executing a node handler (attractor-spec.md 5.2): it drives edge selection (3.3)
 * and context updates. Immutable; the {@code with...} methods return copies.
 *
 * @param status the stage status
 * @param preferredLabel the edge label to prefer (3.3 step 2), or an empty string
 * @param suggestedNextIds target node IDs to prefer (3.3 step 3), in order
 * @param contextUpdates values merged into the run context after the stage (3.2 step 4)
 * @param notes a human-readable summary
 * @param failureReason why the stage failed or asked to be retried, or an empty string
 * @param continueAt extension: the node to continue at, bypassing edge selection. The parallel
 *     handler sets it to the node where its branches joined (4.8), because the parallel node's
 *     outgoing edges are fan-out edges, not routes. Not part of the status-file contract.
 */
public record Outcome(
    StageStatus status,
    String preferredLabel,
    List<String> suggestedNextIds,
    Map<String, Object> contextUpdates,
    String notes,
    String failureReason,
    Optional<String> continueAt) {

  public Outcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(preferredLabel, "preferredLabel");
    suggestedNextIds = List.copyOf(suggestedNextIds);
    contextUpdates = ContextValues.normalizeAll(contextUpdates);
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(continueAt, "continueAt");
  }

  public static Outcome of(StageStatus status) {
    return new Outcome(status, "", List.of(), Map.of(), "", "", Optional.empty());
  }

  public static Outcome success() {
    return of(StageStatus.SUCCESS);
  }

  public static Outcome success(String notes) {
    return success().withNotes(notes);
  }

  public static Outcome partialSuccess(String notes) {
    return of(StageStatus.PARTIAL_SUCCESS).withNotes(notes);
  }

  /** The stage asks to be executed again (3.5). */
  public static Outcome retry(String reason) {
    return of(StageStatus.RETRY).withFailureReason(reason);
  }

  public static Outcome fail(String reason) {
    return of(StageStatus.FAIL).withFailureReason(reason);
  }

  public static Outcome skipped(String notes) {
    return of(StageStatus.SKIPPED).withNotes(notes);
  }

  public Outcome withStatus(StageStatus replacement) {
    return new Outcome(replacement, preferredLabel, suggestedNextIds, contextUpdates, notes, failureReason, continueAt);
  }

  public Outcome withPreferredLabel(String label) {
    return new Outcome(status, label, suggestedNextIds, contextUpdates, notes, failureReason, continueAt);
  }

  public Outcome withSuggestedNextIds(List<String> ids) {
    return new Outcome(status, preferredLabel, ids, contextUpdates, notes, failureReason, continueAt);
  }

  /** A copy whose context updates are these. */
  public Outcome withContextUpdates(Map<String, ?> updates) {
    return orderedUpdates(updates);
  }

  /** A copy with {@code key=value} added to (or replaced in) the context updates. */
  public Outcome withContextUpdate(String key, Object value) {
    Map<String, Object> updates = new LinkedHashMap<>(contextUpdates);
    updates.put(key, value);
    return orderedUpdates(updates);
  }

  public Outcome withNotes(String text) {
    return new Outcome(status, preferredLabel, suggestedNextIds, contextUpdates, text, failureReason, continueAt);
  }

  public Outcome withFailureReason(String reason) {
    return new Outcome(status, preferredLabel, suggestedNextIds, contextUpdates, notes, reason, continueAt);
  }

  public Outcome withContinueAt(String nodeId) {
    return new Outcome(status, preferredLabel, suggestedNextIds, contextUpdates, notes, failureReason, Optional.of(nodeId));
  }

  private Outcome orderedUpdates(Map<String, ?> updates) {
    return new Outcome(status, preferredLabel, suggestedNextIds, ContextValues.normalizeAll(updates), notes, failureReason, continueAt);
  }

  /** The failure reason, or the notes when there is none: what to show a user. */
  public String summary() {
    return failureReason.isEmpty() ? notes : failureReason;
  }
}
