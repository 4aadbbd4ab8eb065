package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How the agent backend is put together beyond a run's choices ({@code BackendSpec}): how its LLM
 * client is made from the environment, and anything more its builder is told. The command line and
 * the server use the {@link #defaults()}; the conformance adapter shortens timeouts and bounds tool
 * rounds.
 *
 * @param clients makes the run's client ({@code Client.fromEnv} by default); the setup closes it
 * @param builder adjusts the backend's builder once the client exists (after the spec's choices are applied)
 */
public record AgentTuning(Function<Environment, Client> clients, BiConsumer<Client, AgentBackend.Builder> builder) {
  public AgentTuning {
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(builder, "builder");
  }

  public static AgentTuning defaults() {
    return new AgentTuning(Client::fromEnv, (client, ignored) -> { });
  }

  public AgentTuning withClients(Function<Environment, Client> value) {
    return new AgentTuning(value, builder);
  }

  public AgentTuning withBuilder(BiConsumer<Client, AgentBackend.Builder> value) {
    return new AgentTuning(clients, value);
  }
}
