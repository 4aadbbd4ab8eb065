package dev.darkfactory.cli.llm;

import dev.darkfactory.cli.render.Json;
import dev.darkfactory.cli.render.UnifiedJson;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.ConfigurationException;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.catalog.ModelInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code factory llm complete [--provider P] --model M "prompt"}: streams the answer to the terminal as it arrives,
 * then prints usage and cost; {@code --json} prints the unified response instead.
 */
@Command(name = "complete", description = "Send one prompt and stream the answer.", mixinStandardHelpOptions = true)
public final class LlmCompleteCommand implements Callable<Integer> {

  @ParentCommand
  private LlmCommand parent;

  @Spec
  private CommandSpec spec;

  @Option(names = {"-p", "--provider"}, paramLabel = "P", description = "Provider to use (default: the model's provider in the catalog, else the default provider).")
  private String provider;

  @Option(names = {"-m", "--model"}, paramLabel = "M", required = true, description = "The provider's model id, e.g. claude-opus-4-6.")
  private String model;

  @Option(names = {"-s", "--system"}, paramLabel = "TEXT", description = "A system prompt.")
  private String system;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Output token limit of the response (the request's max_tokens).")
  private Integer maxTokens;

  @Option(names = "--json", description = "Print the unified response as JSON instead of streaming text.")
  private boolean json;

  @Parameters(index = "0", paramLabel = "PROMPT", description = "The prompt.")
  private String prompt;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Client client = Client.fromEnv(parent.environment())) {
      String chosen = chooseProvider(client);
      client.verifyModel(chosen, model);
      Request request = request(chosen);
      Response response = json ? client.complete(request) : stream(client, request, out);
      if (json) {
        out.println(Json.compact(UnifiedJson.response(response)));
      } else {
        out.println();
        out.println(UsageLine.of(response));
      }
      out.flush();
      return ExitCode.OK;
    } catch (LlmException e) {
      out.flush();
      if (json) {
        out.println(Json.compact(UnifiedJson.error(e)));
        out.flush();
      }
      err.println("error: " + e.getMessage());
      err.println("hint: " + e.remedy());
      err.flush();
      return ExitCode.of(e).orElse(ExitCode.FAILED);
    }
  }

  private String chooseProvider(Client client) {
    if (provider != null) {
      return provider;
    }
    return client.catalog().getModelInfo(model).map(ModelInfo::provider).filter(client.providerNames()::contains)
        .or(client::defaultProvider)
        .orElseThrow(() -> new ConfigurationException("No LLM provider is configured",
            "Set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY, or declare one in DARKFACTORY_PROVIDERS."));
  }

  private Request request(String chosen) {
    Request.Builder builder = Request.builder(model).provider(chosen);
    if (system != null) {
      builder.addMessage(Message.system(system));
    }
    builder.addMessage(Message.user(prompt));
    if (maxTokens != null) {
      builder.maxTokens(maxTokens);
    }
    return builder.build();
  }

  /** Prints text deltas as they arrive; returns the final response or throws the stream's error. */
  private static Response stream(Client client, Request request, PrintWriter out) {
    try (EventStream events = client.stream(request)) {
      for (StreamEvent event : events) {
        switch (event) {
          case StreamEvent.TextDelta delta -> {
            out.print(delta.delta());
            out.flush();
          }
          case StreamEvent.Finish finish -> {
            return finish.response();
          }
          case StreamEvent.Error error -> throw error.error();
          default -> {
            // Only text is shown while streaming.
          }
        }
      }
    }
    throw new dev.darkfactory.llm.StreamException("The stream ended without a finish event");
  }
}
