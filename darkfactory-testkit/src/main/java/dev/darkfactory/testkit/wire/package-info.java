/**
 * Wire encoders: replies and errors rendered exactly in each provider's JSON and SSE format.
 */
package dev.darkfactory.testkit.wire;
