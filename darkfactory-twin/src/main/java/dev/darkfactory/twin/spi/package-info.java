/**
 * The twin SPI: what an in-process twin implements ({@link dev.darkfactory.twin.spi.Twin}: routes, per-namespace
 * state with its JSON form, credentials, error bodies) and what its handlers get ({@link
 * dev.darkfactory.twin.spi.Call}). The runtime does the rest. See docs/twins.md, "Writing a twin".
 */
package dev.darkfactory.twin.spi;
