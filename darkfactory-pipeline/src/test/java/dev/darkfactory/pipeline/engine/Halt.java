package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.handler.Handler;
import dev.darkfactory.pipeline.handler.Stage;
import dev.darkfactory.pipeline.handler.StopRunException;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A handler that stops the run (resumably) while armed, then succeeds; records every execution. */
final class Halt implements Handler {
  final AtomicBoolean armed = new AtomicBoolean(true);
  final List<String> executed = new ArrayList<>();

  @Override
  public synchronized Outcome execute(Stage stage) {
    executed.add(stage.node().id());
    if (armed.get()) {
      throw new StopRunException(StopReason.cancelled("halted for the test"));
    }
    return Outcome.success().withContextUpdate("halted_" + stage.node().id(), "passed");
  }
}
