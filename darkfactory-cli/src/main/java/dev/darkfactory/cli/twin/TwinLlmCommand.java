package dev.darkfactory.cli.twin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code factory twin llm --port N --script F}: the LLM twin as a standalone server on loopback, speaking the
 * OpenAI, Anthropic and Gemini APIs for any client, Java or not.
 */
@Command(name = "llm", description = "Serve the LLM twin (OpenAI Responses, Chat Completions, Anthropic, Gemini) on loopback.",
    mixinStandardHelpOptions = true)
public final class TwinLlmCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (0 picks a free one).")
  private int port;

  @Option(names = "--script", description = "A JSON script of replies and faults (see docs/testkit.md).")
  private Path script;

  @Option(names = "--data-only", description = "Frame streams as data-only lines without [DONE], like the AttractorBench mock.")
  private boolean dataOnly;

  @Option(names = "--duration", description = "Stop after this long (ISO-8601, e.g. PT10M); runs until interrupted by default.")
  private Duration duration;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Testkit.onClasspath()) {
      return Testkit.runIsolated(spec.root().commandLine().getParseResult().originalArgs(), out, spec.commandLine().getErr());
    }
    return TwinServers.llm(Optional.ofNullable(script), dataOnly, port, Optional.ofNullable(duration), out);
  }
}
