package dev.darkfactory.twin.fault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the fault rules decided for one webhook: added latency, a drop (by which rule), extra copies to send. */
public record WebhookDecision(Duration latency, Optional<String> droppedBy, int duplicates, List<String> firedRules) {

  public static final WebhookDecision NONE = new WebhookDecision(Duration.ZERO, Optional.empty(), 0, List.of());

  public WebhookDecision {
    firedRules = List.copyOf(firedRules);
  }
}
