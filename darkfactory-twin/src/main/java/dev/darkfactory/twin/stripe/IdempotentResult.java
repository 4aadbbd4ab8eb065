package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.spi.TwinResponse;

/** The first response to an idempotency key, with what identifies the request it answered. */
record IdempotentResult(String method, String path, String fingerprint, TwinResponse response, String requestId, long createdAt) {}
