package dev.darkfactory.llm;

import java.util.List;
import java.util.Optional;

/**
 * The contract every provider implements (unified-llm-spec §2.4, §7.1). Adapters translate the unified
 * {@link Request} to the provider's native API, never retry (§6.6), are safe for concurrent use (§2.6), and honour
 * the request's {@link AbortSignal}.
 */
public interface ProviderAdapter extends AutoCloseable {

  /** The name requests route by, e.g. "openai". */
  String name();

  /** Sends the request and returns the full response; throws an {@link LlmException} on failure. */
  Response complete(Request request);

  /**
   * Sends the request and returns its events. Errors before the first byte of the body (HTTP status errors,
   * connection failures) are thrown, so they can be retried; errors after that arrive as a final
   * {@link StreamEvent.Error}.
   */
  EventStream stream(Request request);

  /** Validates configuration; called when the adapter is registered with a client. */
  default void initialize() {}

  /** Whether this provider can honour the tool choice mode (§5.3). */
  default boolean supportsToolChoice(ToolChoice.Mode mode) {
    return true;
  }

  /**
   * The model ids the provider itself lists (its models endpoint, every page of it), or empty when it has no such
   * list or the whole list could not be read. Used to reject unknown model names that neither the catalog nor a
   * providers file knows, so a partial list must never be returned as if it were whole.
   */
  default Optional<List<String>> listModels() {
    return Optional.empty();
  }

  /** Releases connections; called by {@link Client#close()}. */
  @Override
  default void close() {}
}
