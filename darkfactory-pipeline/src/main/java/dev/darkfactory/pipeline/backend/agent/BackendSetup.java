package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A backend built by {@link Backends#create}, with what its callers need around it.
 *
 * @param kind the kind that was built (the simulation when the spec left the kind open and no provider is configured)
 * @param description one line saying what runs the LLM stages, e.g. {@code openai gpt-5 in /repo (sandboxed)} for
 *     the agent, {@code simulation} or {@code scripted from FILE}
 * @param ledger the spend of the agent's stages (empty for the simulation and the scripted backend)
 * @param settings what the run records so that a resume can default to it ({@code BackendSpec.settings})
 * @param closer closes the backend's sessions and LLM client after the run
 */
public record BackendSetup(
    CodergenBackend backend,
    BackendKind kind,
    String description,
    Optional<SpendLedger> ledger,
    Map<String, String> settings,
    Runnable closer) implements AutoCloseable {

  public BackendSetup {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(ledger, "ledger");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings)); // in the order they are recorded
    Objects.requireNonNull(closer, "closer");
  }

  @Override
  public void close() {
    closer.run();
  }
}
