/**
 * A self-check of the AttractorBench adapter: the benchmark's kinds of checks, written down as
 * {@link dev.darkfactory.cli.conformance.check.BenchCase}s, run against our stand-in of its mock
 * server, either in-process (the test suite) or as {@code bin/conformance} subprocesses timed the
 * way the benchmark runs them ({@code make conformance}, docs/conformance.md).
 */
package dev.darkfactory.cli.conformance.check;
