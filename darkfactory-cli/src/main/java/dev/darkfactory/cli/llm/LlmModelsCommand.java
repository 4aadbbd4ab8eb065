package dev.darkfactory.cli.llm;

import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.catalog.ModelInfo;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** {@code factory llm models [--provider P] [--json]}: the model catalog, plus models declared in a providers file. */
@Command(name = "models", description = "List known models with context windows, capabilities and prices.", mixinStandardHelpOptions = true)
public final class LlmModelsCommand implements Callable<Integer> {

  @ParentCommand
  private LlmCommand parent;

  @Spec
  private CommandSpec spec;

  @Option(names = {"-p", "--provider"}, paramLabel = "P", description = "Only this provider's models.")
  private String provider;

  @Option(names = "--json", description = "Print a JSON array.")
  private boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Client client = Client.fromEnv(parent.environment())) {
      List<ModelInfo> models = provider == null ? client.catalog().listModels() : client.catalog().listModels(provider);
      if (provider != null && models.isEmpty()) {
        List<String> known = client.catalog().listModels().stream().map(ModelInfo::provider).distinct().sorted().toList();
        throw new UserException("no models of provider '" + provider + "' are known: the catalog and the providers file have models of "
            + String.join(", ", known) + "; check the spelling, or declare the provider's models in DARKFACTORY_PROVIDERS (docs/llm.md)");
      }
      if (json) {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        ArrayNode array = mapper.createArrayNode();
        models.forEach(model -> array.add(mapper.valueToTree(model)));
        out.println(mapper.writeValueAsString(array));
      } else {
        out.printf("%-26s %-10s %9s %9s %9s  %s%n", "MODEL", "PROVIDER", "CONTEXT", "IN $/M", "OUT $/M", "CAPABILITIES");
        for (ModelInfo model : models) {
          out.printf("%-26s %-10s %9d %9s %9s  %s%n", model.id(), model.provider(), model.contextWindow(),
              price(model.inputCostPerMillion()), price(model.outputCostPerMillion()), capabilities(model));
        }
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  private static String price(Optional<BigDecimal> price) {
    return price.map(BigDecimal::toPlainString).orElse("-");
  }

  private static String capabilities(ModelInfo model) {
    StringBuilder text = new StringBuilder();
    if (model.supportsTools()) {
      text.append("tools ");
    }
    if (model.supportsVision()) {
      text.append("vision ");
    }
    if (model.supportsReasoning()) {
      text.append("reasoning");
    }
    return text.toString().strip();
  }
}
