/**
 * JSON helpers: the module's mapper, schema rewriting per provider, partial JSON. Internal.
 */
package dev.darkfactory.llm.internal.json;
