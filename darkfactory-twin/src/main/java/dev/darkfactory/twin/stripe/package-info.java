/**
 * The Stripe twin ({@link dev.darkfactory.twin.stripe.StripeTwin}): customers, payment methods, payment intents,
 * charges, refunds, webhook endpoints and events, in Stripe's wire format, with idempotency keys and signed
 * webhooks ({@link dev.darkfactory.twin.stripe.StripeSignature}). Written against the public SPI only.
 */
package dev.darkfactory.twin.stripe;
