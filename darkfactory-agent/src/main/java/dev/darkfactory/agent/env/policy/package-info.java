/**
 * The one environment-variable policy of every process the engine starts ({@link
 * dev.darkfactory.agent.env.policy.EnvironmentPolicy}). It depends on nothing but the JDK, so the
 * pipeline's tool handler can use it without reaching the rest of the agent module (docs/architecture.md).
 */
package dev.darkfactory.agent.env.policy;
