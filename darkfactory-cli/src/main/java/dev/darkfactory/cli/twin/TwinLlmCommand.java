package dev.darkfactory.cli.twin;

import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Script;
import dev.darkfactory.testkit.StreamStyle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    Script loaded = script == null ? Script.empty() : Script.load(script);
    if (dataOnly) {
      loaded = new Script(loaded.rules(), loaded.fallback(), loaded.strict(), loaded.models(), StreamStyle.DATA_ONLY, loaded.apiKey());
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    try (FakeProviderServer twin = FakeProviderServer.start(loaded, port)) {
      Thread hook = new Thread(stopped::countDown);
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("LLM twin listening on " + twin.baseUrl());
      out.println("  export OPENAI_API_KEY=test-key OPENAI_BASE_URL=" + twin.baseUrl() + "/v1");
      out.println("  export ANTHROPIC_API_KEY=test-key ANTHROPIC_BASE_URL=" + twin.baseUrl());
      out.println("  export GEMINI_API_KEY=test-key GEMINI_BASE_URL=" + twin.baseUrl());
      out.println("Request log: GET " + twin.baseUrl() + "/requests");
      out.flush();
      if (duration == null) {
        stopped.await();
      } else {
        stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        Runtime.getRuntime().removeShutdownHook(hook);
      }
      out.println("LLM twin served " + twin.requestCount() + " requests");
      out.flush();
    }
    return ExitCode.OK;
  }
}
