package dev.darkfactory.cli.twin;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code factory twin attractorbench --port 9999}: our stand-in for AttractorBench's mock LLM
 * server, for running {@code bin/conformance} locally the way the benchmark does (docs/conformance.md).
 */
@Command(name = "attractorbench", description = "Serve a stand-in for AttractorBench's mock LLM server on loopback (default port 9999).",
    mixinStandardHelpOptions = true)
public final class TwinAttractorBenchCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--port", defaultValue = "9999", description = "Port on 127.0.0.1 (0 picks a free one).")
  private int port;

  @Option(names = "--duration", description = "Stop after this long (ISO-8601, e.g. PT10M); runs until interrupted by default.")
  private Duration duration;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Testkit.onClasspath()) {
      return Testkit.runIsolated(spec.root().commandLine().getParseResult().originalArgs(), out, spec.commandLine().getErr());
    }
    return TwinServers.attractorBench(port, Optional.ofNullable(duration), out);
  }
}
