package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.env.CommandRequest;
import dev.darkfactory.agent.env.ConfinedExecutionEnvironment;
import dev.darkfactory.agent.env.ExecResult;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import dev.darkfactory.agent.env.ForwardingExecutionEnvironment;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One agent session's view of the environment shared by the run's sessions in a working
 * directory. Pipeline runs are unattended, so both defences hold whatever the shared environment is
 * (local, sandboxed, remote):
 *
 * <ul>
 *   <li>file tools are confined to the working directory and the running stage's directory, where
 *       the agent may write {@code status.json} ({@link ConfinedExecutionEnvironment});
 *   <li>commands inherit what the shared environment's policy allows (the allow-list by default)
 *       plus the variables named by the backend's policy and the graph's and node's {@code
 *       pass_env}, read from the engine's environment.
 * </ul>
 */
final class StageEnvironment extends ForwardingExecutionEnvironment {
  private final Supplier<Optional<StageRun>> current;
  private final EnvironmentPolicy policy;

  StageEnvironment(ExecutionEnvironment shared, Supplier<Optional<StageRun>> current, EnvironmentPolicy policy) {
    super(new ConfinedExecutionEnvironment(shared, () -> current.get().map(stage -> List.of(stage.stageDir())).orElse(List.of())));
    this.current = current;
    this.policy = policy;
  }

  @Override
  public ExecResult execCommand(CommandRequest request) {
    List<String> names = current.get().map(StageRun::passEnv).orElse(List.of());
    Map<String, String> environment =
        new LinkedHashMap<>(EnvironmentPolicy.none().passing(policy.passed()).passing(names).apply(System.getenv(), Map.of()));
    environment.putAll(request.environment());
    return super.execCommand(request.withEnvironment(environment));
  }
}
