package dev.darkfactory.llm;

import dev.darkfactory.llm.config.ProviderDeclaration;
import dev.darkfactory.llm.config.WireFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an adapter from the environment or from a providers-file declaration. Implementations are found with
 * {@link java.util.ServiceLoader}, so {@link Client#fromEnv()} needs no compile-time knowledge of the providers.
 */
public interface ProviderFactory {

    /** The provider's standard name ("openai", "anthropic", "gemini", "openai-compatible"). */
    String name();

    /** Registration order in {@link Client#fromEnv()}; lower comes first (and the first becomes the default). */
    int order();

    /** The adapter configured from the provider's standard variables (§2.2), or empty when its key is not set. */
    Optional<ProviderAdapter> fromEnvironment(Environment environment, AdapterTimeout timeout);

    /** The wire formats this factory's adapter speaks. */
    Set<WireFormat> wireFormats();

    /** An adapter for a gateway declared in a providers file. */
    ProviderAdapter fromDeclaration(ProviderDeclaration declaration, Environment environment, AdapterTimeout timeout);
}
