/**
 * The server-sent events reader. Internal: not for use outside the module.
 */
package dev.darkfactory.llm.internal.sse;
