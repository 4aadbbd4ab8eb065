/**
 * The Chat Completions adapter for OpenAI-compatible servers (unified-llm-spec §7.10).
 */
package dev.darkfactory.llm.provider.openaicompat;
