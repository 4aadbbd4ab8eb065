package dev.darkfactory.cli.doctor;

import dev.darkfactory.agent.profile.ProviderProfiles;
import dev.darkfactory.cli.doctor.Finding.Status;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.catalog.ModelInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What {@code factory doctor} checks: the JDK, the tools pipelines and agents use (git, Graphviz,
 * bubblewrap, ripgrep), and each configured LLM provider with a one-token probe of the model runs
 * would use. Each finding says what to fix.
 */
public final class Doctor {
  /** Runs a command and returns its first line of output, or empty when it cannot run. */
  @FunctionalInterface
  public interface Commands {
    Optional<String> firstLine(List<String> command);
  }

  private final Environment environment;
  private final Commands commands;

  public Doctor(Environment environment, Commands commands) {
    this.environment = environment;
    this.commands = commands;
  }

  /** The process's environment and commands on the PATH. */
  public static Doctor system() {
    return new Doctor(Environment.system(), Doctor::run);
  }

  Commands commands() {
    return commands;
  }

  public List<Finding> check(boolean probeProviders) {
    List<Finding> findings = new ArrayList<>();
    findings.add(jdk());
    findings.add(tool("git", List.of("git", "--version"), Status.FAIL,
        "install git (apt-get install git): agents read the repository's history and runs record it"));
    findings.add(tool("graphviz", List.of("dot", "-V"), Status.WARN, "install Graphviz (apt-get install graphviz) for 'factory graph' and SVG output"));
    findings.add(tool("bubblewrap", List.of("bwrap", "--version"), Status.WARN,
        "install bubblewrap (apt-get install bubblewrap) to run agents with --sandbox"));
    findings.add(tool("ripgrep", List.of("rg", "--version"), Status.WARN,
        "install ripgrep (apt-get install ripgrep) for faster agent searches; a slower built-in search is used without it"));
    findings.addAll(providers(probeProviders));
    return findings;
  }

  private static Finding jdk() {
    Runtime.Version version = Runtime.version();
    String detail = "Java " + version + " (" + System.getProperty("java.vendor", "?") + ") at " + System.getProperty("java.home");
    return version.feature() >= 21 ? Finding.ok("jdk", detail)
        : new Finding("jdk", Status.FAIL, detail, "install a JDK 21 or newer and set JAVA_HOME");
  }

  private Finding tool(String name, List<String> command, Status whenMissing, String fix) {
    return commands.firstLine(command).map(line -> Finding.ok(name, line)).orElseGet(() -> new Finding(name, whenMissing, "not found", fix));
  }

  private List<Finding> providers(boolean probe) {
    List<Finding> findings = new ArrayList<>();
    try (Client client = Client.fromEnv(environment)) {
      if (client.providerNames().isEmpty()) {
        findings.add(new Finding("providers", Status.WARN, "none configured: 'factory run' will simulate LLM stages",
            "set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY (or point DARKFACTORY_PROVIDERS at a providers file)"));
        return findings;
      }
      for (String provider : client.providerNames()) {
        String model = model(client, provider);
        if (!probe) {
          findings.add(Finding.ok(provider, "configured; default model " + model + " (not probed)"));
          continue;
        }
        findings.add(probe(client, provider, model));
      }
    } catch (LlmException e) {
      findings.add(new Finding("providers", Status.FAIL, e.getMessage(), e.remedy()));
    }
    return findings;
  }

  /** The model runs would use: a providers-file model for gateways, else the provider profile's default. */
  private static String model(Client client, String provider) {
    if (List.of("openai", "anthropic", "gemini").contains(provider)) {
      return ProviderProfiles.defaultModel(provider);
    }
    return client.catalog().listModels(provider).stream().findFirst().map(ModelInfo::id)
        .orElseGet(() -> ProviderProfiles.defaultModel(ProviderProfiles.family(provider, Optional.empty())));
  }

  /** One request for one token (OpenAI's Responses API wants at least 16). */
  private static Finding probe(Client client, String provider, String model) {
    long started = System.nanoTime();
    try {
      Request request = Request.builder(model).provider(provider).addMessage(Message.user("Reply with OK."))
          .maxTokens(provider.equals("openai") ? 16 : 1).timeout(Duration.ofSeconds(30)).build();
      client.complete(request);
      long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      return Finding.ok(provider, model + " answered in " + millis + " ms");
    } catch (LlmException e) {
      return new Finding(provider, Status.FAIL, model + ": " + e.kind() + ": " + e.getMessage(), e.remedy());
    }
  }

  private static Optional<String> run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readNBytes(4096);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String first = new String(output, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
      return process.exitValue() == 0 ? Optional.of(first.isEmpty() ? String.join(" ", command) : first) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
