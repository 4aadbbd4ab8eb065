package dev.darkfactory.cli.agent;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.Session;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.SubmitResult;
import dev.darkfactory.agent.env.ConfinedExecutionEnvironment;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.env.SandboxPolicy;
import dev.darkfactory.agent.env.SandboxedExecutionEnvironment;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.profile.ProviderProfiles;
import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.cli.option.PassEnv;
import dev.darkfactory.cli.render.AgentEventPrinter;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code factory agent "task"}: runs one task with the coding agent (docs/agent.md) in a working
 * directory, rendering what it does as it happens. The file tools are always confined to the working
 * directory; {@code --sandbox} confines the shell too. Ctrl-C aborts gracefully: the model call is
 * cancelled and running commands are terminated before the process exits.
 */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Run one task with the coding agent and show what it does.",
      "Its text as it streams, each tool call with a short result, and a summary of turns, tokens and cost.",
      "Ctrl-C stops it cleanly.",
      "Provider keys come from OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY."
    })
public final class AgentCommand implements Callable<Integer> {
  private final CliContext context;
  private final Environment environment;

  @Option(names = "--provider", paramLabel = "P", description = "openai, anthropic, gemini or a configured gateway (default: the first with a key).")
  String provider;

  @Option(names = "--model", paramLabel = "M", description = "The model (default: the profile's default model).")
  String model;

  @Option(names = "--workdir", paramLabel = "DIR", description = "Where the agent works; its file tools cannot reach outside it (default: the current directory).")
  Path workdir = Path.of(".");

  @Option(names = "--sandbox", description = "Also run commands under bubblewrap: only system directories visible (read-only), the working directory writable (its .git read-only), private /tmp and home, no network. File tools are confined to the working directory with or without it.")
  boolean sandbox;

  @Option(names = "--pass-env", paramLabel = "NAME", split = ",",
      description = "Pass the environment variable NAME to the agent's commands (repeatable, or comma-separated). Without it they get only PATH, HOME, USER, LANG, LC_*, TERM, TZ, TMPDIR, JAVA_HOME and the like.")
  List<String> passEnv = new ArrayList<>();

  @Option(names = "--reasoning-effort", paramLabel = "E", description = "low, medium or high (default: the provider's).")
  String reasoningEffort;

  @Option(names = "--max-tool-rounds", paramLabel = "N", description = "Stop after N rounds of tool calls (default: unlimited).")
  int maxToolRounds;

  @Option(names = "--json", description = "Print the events as NDJSON, then a result line.")
  boolean json;

  @Parameters(paramLabel = "TASK", arity = "1..*", description = "What the agent should do.")
  List<String> task;

  public AgentCommand(CliContext context) {
    this(context, Environment.system());
  }

  /** Reads provider keys and base URLs from {@code environment} (tests point it at the twin). */
  public AgentCommand(CliContext context, Environment environment) {
    this.context = context;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    try (Client client = Client.fromEnv(environment)) {
      ProviderProfile profile = ProviderProfiles.create(provider(client), Optional.ofNullable(model), client.catalog());
      AgentEventPrinter printer = new AgentEventPrinter(context.out(), context.err(), json, context.terminal().colour());
      Session session = Session.builder(client, profile, environment())
          .config(SessionConfig.builder().reasoningEffort(reasoningEffort).maxToolRoundsPerInput(maxToolRounds).build())
          .listener(printer)
          .ownsEnvironment(true)
          .build();
      Thread onInterrupt = new Thread(() -> {
        session.abort();
        session.awaitClosed(Duration.ofSeconds(10));
        context.err().println("aborted: the agent was stopped; running commands were terminated.");
        context.err().flush();
      }, "agent-abort");
      Runtime.getRuntime().addShutdownHook(onInterrupt);
      try {
        SubmitResult result = session.submit(String.join(" ", task));
        session.close();
        new ResultSummary(result, profile).print(context.out(), json);
        return result.completed() ? ExitCode.OK : ExitCode.FAILED;
      } finally {
        removeHook(onInterrupt);
      }
    }
  }

  private String provider(Client client) {
    if (client.providerNames().isEmpty()) {
      throw new UserException("No LLM provider is configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY.");
    }
    if (provider == null) {
      return client.defaultProvider().orElseThrow();
    }
    if (!client.providerNames().contains(provider)) {
      throw new UserException("Provider '" + provider + "' is not configured (configured: "
          + String.join(", ", client.providerNames()) + "). Set its API key variable.");
    }
    return provider;
  }

  private ExecutionEnvironment environment() {
    Path directory = workdir.toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      throw new UserException("The working directory " + directory + " does not exist.");
    }
    LocalExecutionEnvironment local = LocalExecutionEnvironment.builder(directory).environmentPolicy(PassEnv.policy(passEnv)).build();
    // File tools stay in the working directory whether or not commands are sandboxed (docs/agent.md).
    if (!sandbox) {
      return new ConfinedExecutionEnvironment(local);
    }
    try {
      SandboxedExecutionEnvironment sandboxed = SandboxedExecutionEnvironment.create(local, SandboxPolicy.defaults());
      if (!sandboxed.usesUserNamespace()) {
        context.err().println("warning: bubblewrap cannot create a user namespace here: commands are sandboxed without one"
            + " (see docs/agent.md, \"What is isolated\")");
      }
      return new ConfinedExecutionEnvironment(sandboxed);
    } catch (EnvironmentException unavailable) {
      throw new UserException(unavailable.getMessage());
    }
  }

  /** A JVM already shutting down (Ctrl-C) refuses removal; the hook then runs, as intended. */
  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The abort hook is running: let it finish the graceful shutdown.
    }
  }
}
