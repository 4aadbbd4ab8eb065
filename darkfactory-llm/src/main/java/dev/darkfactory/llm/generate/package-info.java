/**
 * The high-level API (unified-llm-spec §4.3-4.6, §5): generate, stream and structured output with the multi-step,
 * parallel tool loop.
 */
package dev.darkfactory.llm.generate;
