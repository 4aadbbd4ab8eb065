/**
 * The journal: every request a twin answered (with its response, latency and namespace), every webhook
 * attempt and lifecycle event, secrets redacted before they are kept, memory bounded by a cap that drops the
 * oldest entries and counts them.
 */
package dev.darkfactory.twin.journal;
