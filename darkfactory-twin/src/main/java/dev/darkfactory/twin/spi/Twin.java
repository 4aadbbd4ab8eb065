package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.webhook.WebhookOptions;

/**
 * An in-process twin: a behavioural clone of one vendor API. The runtime gives it a port, namespaces (from
 * {@link #namespaces()}), per-namespace state (from {@link #state()}), the control plane under {@code /__twin/},
 * the journal, faults (rendered with {@link #errors()}), the clock, seeded ids and webhook delivery. A twin only
 * describes the vendor: routes, state, credentials and error bodies.
 *
 * <pre>{@code
 * try (TwinServer stripe = TwinServer.start(StripeTwin.create())) {
 *   Stripe.overrideApiBase(stripe.baseUrl().toString());
 * }
 * }</pre>
 *
 * @param <S> the state of one namespace
 */
public interface Twin<S> {

  /** A short lower-case name ({@code stripe}): in journals, errors and the universe. */
  String name();

  NamespaceResolver namespaces();

  RouteTable<S> routes();

  StateModel<S> state();

  ErrorFormat errors();

  /** The vendor's webhook delivery behaviour (its retry schedule); the runtime's options may override it. */
  default WebhookOptions webhooks() {
    return WebhookOptions.DEFAULT;
  }
}
