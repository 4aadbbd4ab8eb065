package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.lint.LintRule;
import java.util.List;

/** The built-in lint rules: those of attractor-spec.md 7.2 in the spec's order, then our additions. */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static List<LintRule> all() {
    return List.of(
        // 7.2
        new StartNodeRule(),
        new TerminalNodeRule(),
        new ReachabilityRule(),
        new EdgeTargetExistsRule(),
        new StartNoIncomingRule(),
        new ExitNoOutgoingRule(),
        new ConditionSyntaxRule(),
        new StylesheetSyntaxRule(),
        new TypeKnownRule(),
        new FidelityValidRule(),
        new RetryTargetExistsRule(),
        new GoalGateHasRetryRule(),
        new PromptOnLlmNodesRule(),
        // Extensions
        new UnknownAttributeRule(),
        new AttributeTypeRule(),
        new AttributeValueRule(),
        new OutcomeValueRule(),
        new ManagerChildDotfileRule(),
        new HumanGateChoicesRule(),
        new HumanDefaultChoiceRule(),
        new UnboundedLoopRule(),
        new SuccessDeadEndRule(),
        new FailureReachesExitRule(),
        new PassEnvRule());
  }
}
