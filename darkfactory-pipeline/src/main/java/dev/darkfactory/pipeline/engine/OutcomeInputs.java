package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.condition.ConditionInputs;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.ContextValues;
import dev.darkfactory.pipeline.state.Outcome;
import java.util.Optional;

/** What edge conditions read (attractor-spec.md 10.4): the node's outcome and the run context. */
record OutcomeInputs(Outcome outcomeValue, Context context) implements ConditionInputs {
  @Override
  public String outcome() {
    return outcomeValue.status().wire();
  }

  @Override
  public String preferredLabel() {
    return outcomeValue.preferredLabel();
  }

  @Override
  public Optional<String> contextValue(String key) {
    return context.get(key).map(ContextValues::text);
  }
}
