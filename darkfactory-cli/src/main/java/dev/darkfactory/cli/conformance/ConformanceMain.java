package dev.darkfactory.cli.conformance;

import dev.darkfactory.cli.render.UnifiedJson;
import dev.darkfactory.llm.LlmException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/conformance}: StrongDM's AttractorBench command-line adapter, one subcommand per
 * contract entry, each printing one JSON document (NDJSON for {@code stream} and {@code events}).
 * It runs on the real layers: the unified LLM client (tier 1), the coding-agent loop (tier 2) and
 * the pipeline engine with the agent-backed backend (tier 3). It is a plain {@code main} without
 * picocli so that a cold start loads as few classes as possible (about 80 invocations share 300 s).
 */
public final class ConformanceMain {
  static final List<String> SUBCOMMANDS = List.of(
      "client-from-env", "list-models", "complete", "stream", "tool-call", "generate-object",
      "session-create", "process-input", "tool-dispatch", "steering", "events",
      "parse", "validate", "run", "list-handlers");

  private ConformanceMain() {}

  public static void main(String[] args) {
    ConformanceIo io = ConformanceIo.system();
    int code = run(io, args);
    io.out().flush();
    io.err().flush();
    System.exit(code);
  }

  /** Runs one subcommand; returns the exit code. Never throws: failures become error JSON. */
  public static int run(ConformanceIo io, String... args) {
    if (args.length == 0) {
      io.err().println("usage: conformance <subcommand> [args]\nsubcommands: " + String.join(", ", SUBCOMMANDS));
      return 2;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return dispatch(io, args[0], rest);
    } catch (ConformanceFailure failure) {
      return fail(io, BenchJson.error(failure), failure.getMessage());
    } catch (LlmException error) {
      return fail(io, UnifiedJson.error(error), error.getMessage() + " (" + error.remedy() + ")");
    } catch (RuntimeException bug) {
      var json = BenchJson.object().put("error", String.valueOf(bug)).put("error_type", "internal");
      if (System.getenv("FACTORY_DEBUG") != null) {
        bug.printStackTrace(io.err());
      }
      return fail(io, json, "internal error: " + bug);
    }
  }

  private static int dispatch(ConformanceIo io, String subcommand, String[] args) {
    LlmCommands llm = new LlmCommands(io);
    PipelineCommands pipeline = new PipelineCommands(io);
    AgentCommands agent = new AgentCommands(io);
    return switch (subcommand) {
      case "client-from-env" -> llm.clientFromEnv();
      case "list-models" -> llm.listModels();
      case "complete" -> llm.complete();
      case "stream" -> llm.stream();
      case "tool-call" -> llm.toolCall();
      case "generate-object" -> llm.generateObject();
      case "session-create" -> agent.sessionCreate();
      case "process-input" -> agent.processInput();
      case "tool-dispatch" -> agent.toolDispatch();
      case "steering" -> agent.steering();
      case "events" -> agent.events();
      case "parse" -> pipeline.parse(args);
      case "validate" -> pipeline.validate(args);
      case "list-handlers" -> pipeline.listHandlers();
      case "run" -> new PipelineRun(io).run(args);
      default -> {
        io.err().println("conformance: unknown subcommand '" + subcommand + "'; known: " + String.join(", ", SUBCOMMANDS));
        yield 2;
      }
    };
  }

  private static int fail(ConformanceIo io, tools.jackson.databind.node.ObjectNode json, String message) {
    io.out().println(BenchJson.write(json));
    io.err().println("conformance: " + message);
    return 1;
  }
}
