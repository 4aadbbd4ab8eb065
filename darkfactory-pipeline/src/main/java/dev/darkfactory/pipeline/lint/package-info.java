/**
 * Validation (attractor-spec.md section 7): {@link dev.darkfactory.pipeline.lint.Linter} runs the
 * built-in rules of {@code dev.darkfactory.pipeline.lint.rule} and any custom {@link
 * dev.darkfactory.pipeline.lint.LintRule}s, with a {@link dev.darkfactory.pipeline.lint.LintContext}
 * that names the registered handler types.
 */
package dev.darkfactory.pipeline.lint;
