package dev.darkfactory.twin.fault;

/** A rule as it stands: how many calls it matched and how many times it fired. */
public record RuleStatus(FaultRule rule, long matched, long fired) {}
