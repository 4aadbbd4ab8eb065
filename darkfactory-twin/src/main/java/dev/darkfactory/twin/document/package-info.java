/**
 * JSON and YAML documents (fault rules, seeds, control-plane bodies) that remember where each value was
 * written, so every refusal says {@code file:line:column} and what was expected.
 */
package dev.darkfactory.twin.document;
