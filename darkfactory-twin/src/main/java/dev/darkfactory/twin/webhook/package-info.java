/**
 * Webhooks: twins hand events to a {@link dev.darkfactory.twin.webhook.WebhookOutbox}; the dispatcher signs them
 * as the vendor does (a pluggable {@link dev.darkfactory.twin.webhook.WebhookSigner}), retries with backoff on the
 * twin's clock, and logs each attempt in the journal.
 */
package dev.darkfactory.twin.webhook;
