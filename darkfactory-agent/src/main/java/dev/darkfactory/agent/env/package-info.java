/**
 * Where tools run (coding-agent-loop-spec §4): the {@link dev.darkfactory.agent.env.ExecutionEnvironment}
 * interface, the local implementation, the process-group runner (whose environment-variable policy is in {@code env.policy}), and
 * decorators (read-only, logging, path confinement, scoping, the bubblewrap sandbox).
 */
package dev.darkfactory.agent.env;
