package dev.darkfactory.twin.webhook;

import java.net.URI;
import java.util.Optional;

/** What a twin's handlers use to send webhooks: delivery is asynchronous, retried, journaled and subject to faults. */
public interface WebhookOutbox {

  /** Queues a delivery; returns at once. */
  void send(Webhook webhook);

  /**
   * Why the twin will not deliver to {@code url}, for twins to refuse a receiver when it is registered (as vendors
   * validate endpoint URLs); empty when it will.
   */
  Optional<String> refusal(URI url);
}
