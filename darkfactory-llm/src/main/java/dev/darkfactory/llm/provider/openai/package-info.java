/**
 * The OpenAI Responses API adapter ({@code /v1/responses}); translators are pure, the adapter does the I/O.
 */
package dev.darkfactory.llm.provider.openai;
