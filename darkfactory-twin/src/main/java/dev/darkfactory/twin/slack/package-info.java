/**
 * The Slack twin: Slack's Web API ({@code auth.test}, {@code chat.*}, {@code conversations.*}, {@code users.*},
 * {@code reactions.*}) in Slack's wire format, with workspaces per token, cursor pagination, Slack's error codes and
 * warnings, optional tier rate limits, and Events API delivery signed with {@code X-Slack-Signature}. Fidelity is
 * measured with slack-api-client; docs/twins.md has the coverage table.
 */
package dev.darkfactory.twin.slack;
