/**
 * Prompt-cache accounting, so tests can measure caching against the twin.
 */
package dev.darkfactory.testkit.cache;
