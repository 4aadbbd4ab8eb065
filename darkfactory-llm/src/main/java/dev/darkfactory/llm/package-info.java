/**
 * The unified LLM client (unified-llm-spec.md): the data model, {@link dev.darkfactory.llm.Client}, middleware, the
 * provider adapter contract and the error taxonomy. Start with {@code Client.fromEnv()} and
 * {@code dev.darkfactory.llm.generate.Generator}; see docs/llm.md.
 */
package dev.darkfactory.llm;
