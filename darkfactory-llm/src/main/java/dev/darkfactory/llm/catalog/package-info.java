/**
 * The model catalog (unified-llm-spec §2.9), loaded from a JSON data file, with prices for cost reporting.
 */
package dev.darkfactory.llm.catalog;
