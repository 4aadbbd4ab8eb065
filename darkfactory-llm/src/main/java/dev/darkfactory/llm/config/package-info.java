/**
 * Providers declared as data: the providers file that adds gateways such as Ollama or OpenRouter without code.
 */
package dev.darkfactory.llm.config;
