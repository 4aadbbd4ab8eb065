/**
 * HTTP transport, error mapping and stream plumbing shared by the adapters. Internal: not for use outside the module.
 */
package dev.darkfactory.llm.internal.http;
