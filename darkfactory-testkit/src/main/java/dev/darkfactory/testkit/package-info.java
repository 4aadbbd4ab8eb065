/**
 * The LLM twin: {@link dev.darkfactory.testkit.FakeProviderServer}, a scripted fake of the OpenAI, Anthropic and
 * Gemini HTTP APIs with faults and a request log; see docs/testkit.md.
 */
package dev.darkfactory.testkit;
