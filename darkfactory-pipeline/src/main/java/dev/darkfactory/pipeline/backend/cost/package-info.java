/**
 * What LLM stages spend and how much they may: {@link dev.darkfactory.pipeline.backend.cost.Spend}
 * (tokens and US dollars, priced from the model catalog), the run's {@link
 * dev.darkfactory.pipeline.backend.cost.SpendLedger} (per node and in total, kept in {@code
 * usage.json} so a resumed run continues the count), the {@link
 * dev.darkfactory.pipeline.backend.cost.RunBudget} ({@code max_tokens}, {@code max_cost_usd}), and
 * the client middleware that meters every call and refuses to start one once the budget is spent.
 */
package dev.darkfactory.pipeline.backend.cost;
