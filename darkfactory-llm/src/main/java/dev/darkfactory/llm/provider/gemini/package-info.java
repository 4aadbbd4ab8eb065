/**
 * The Gemini API adapter ({@code generateContent}, {@code streamGenerateContent}) with synthetic tool call ids.
 */
package dev.darkfactory.llm.provider.gemini;
