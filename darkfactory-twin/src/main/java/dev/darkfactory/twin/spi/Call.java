package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.IdGenerator;
import dev.darkfactory.twin.webhook.WebhookOutbox;
import java.time.Instant;

/** What a handler gets: the request, its namespace and state, path parameters, the twin's time, ids and webhooks. */
public interface Call<S> {

  TwinRequest request();

  Namespace namespace();

  /** The namespace's state; locked for the duration of the handler. */
  S state();

  /** A path parameter of the route pattern ({@code {id}}). */
  String param(String name);

  /** The twin's clock (fixed or system). */
  Instant now();

  /** The namespace's seeded ids. */
  IdGenerator ids();

  /** Sends webhooks; deliveries start after the handler returns. */
  WebhookOutbox webhooks();
}
