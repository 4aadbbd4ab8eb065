/**
 * The built-in lint rules, one class per rule, each named by its rule id: those of
 * attractor-spec.md 7.2 and our extensions. {@link dev.darkfactory.pipeline.lint.rule.BuiltInRules}
 * lists them in the order they run.
 */
package dev.darkfactory.pipeline.lint.rule;
