/**
 * Faults: rules per twin, per route pattern or webhook event type, optionally per namespace, that add latency,
 * answer with the vendor's error status, reset the connection, truncate or corrupt the body, hang, or drop and
 * duplicate webhooks; on every call, the n-th, or with a seeded probability.
 */
package dev.darkfactory.twin.fault;
