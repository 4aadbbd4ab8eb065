/**
 * The edge condition language of attractor-spec.md section 10: {@link
 * dev.darkfactory.pipeline.condition.ConditionParser#parse} turns an expression into a {@link
 * dev.darkfactory.pipeline.condition.Condition} (a sealed AST), and {@link
 * dev.darkfactory.pipeline.condition.ConditionEvaluator} evaluates it against {@link
 * dev.darkfactory.pipeline.condition.ConditionInputs}, or explains how each clause was decided.
 */
package dev.darkfactory.pipeline.condition;
