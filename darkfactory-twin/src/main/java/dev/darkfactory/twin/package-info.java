/**
 * Digital twins of third-party services: the vocabulary every package of the module shares ({@link
 * dev.darkfactory.twin.Namespace}, the sealed {@link dev.darkfactory.twin.TwinException} tree).
 *
 * <p>Start a twin with {@link dev.darkfactory.twin.runtime.TwinServer}; write one with the SPI in {@code
 * dev.darkfactory.twin.spi}; see {@code docs/twins.md}.
 */
package dev.darkfactory.twin;
