package dev.darkfactory.twin.webhook;

import dev.darkfactory.twin.Namespace;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One event to deliver to one receiver: the exact bytes to POST, the secret and signer that sign them, and the
 * vendor's other headers ({@code User-Agent}, ...). The payload array is not copied: do not change it after
 * handing it over.
 */
public record Webhook(Namespace namespace, String eventId, String eventType, URI url, byte[] payload, String contentType,
    String secret, WebhookSigner signer, Map<String, String> headers) {

  public Webhook {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(signer, "signer");
    headers = Map.copyOf(headers);
  }
}
