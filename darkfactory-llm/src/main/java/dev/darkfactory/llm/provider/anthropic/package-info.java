/**
 * The Anthropic Messages API adapter ({@code /v1/messages}) with thinking replay and automatic prompt caching.
 */
package dev.darkfactory.llm.provider.anthropic;
