/**
 * Determinism: the twin's clock (system, or fixed and moved only by set and advance, with timers on twin
 * time) and seeded ids per namespace, so two runs with the same seed give the same ids and timestamps.
 */
package dev.darkfactory.twin.clock;
