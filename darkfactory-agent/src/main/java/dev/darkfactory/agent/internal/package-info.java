/** Helpers no other module may use (enforced by ArchitectureTest): the JSON mapper and a schema builder. */
package dev.darkfactory.agent.internal;
