/**
 * Media resolution: URLs, inline bytes and local files ready for a wire format. Internal.
 */
package dev.darkfactory.llm.internal.media;
