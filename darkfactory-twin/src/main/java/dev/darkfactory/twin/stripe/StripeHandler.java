package dev.darkfactory.twin.stripe;

import tools.jackson.databind.node.ObjectNode;

/** One Stripe endpoint: returns the object to answer with (200), or throws {@link ApiError}. */
@FunctionalInterface
interface StripeHandler {

  ObjectNode handle(StripeRequest request);
}
