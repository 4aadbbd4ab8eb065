/**
 * A stand-in for the mock LLM server of StrongDM's AttractorBench, written from the benchmark's
 * described behaviour, so the {@code bin/conformance} adapter can be tested and measured offline.
 * Unlike {@link dev.darkfactory.testkit.FakeProviderServer} it is deliberately crude, as the
 * benchmark's mock is: canned bodies, HTTP/1.0, data-only SSE closed by ending the connection.
 */
package dev.darkfactory.testkit.attractorbench;
