package dev.darkfactory.twin.stripe;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The states of a PaymentIntent (https://docs.stripe.com/payments/paymentintents/lifecycle), with their wire names. */
enum PaymentIntentStatus {
  REQUIRES_PAYMENT_METHOD,
  REQUIRES_CONFIRMATION,
  REQUIRES_ACTION,
  PROCESSING,
  REQUIRES_CAPTURE,
  CANCELED,
  SUCCEEDED;

  static final List<PaymentIntentStatus> CONFIRMABLE = List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION);
  static final List<PaymentIntentStatus> CANCELABLE = List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CAPTURE, REQUIRES_CONFIRMATION,
      REQUIRES_ACTION, PROCESSING);
  static final List<PaymentIntentStatus> UPDATABLE = List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION);

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<PaymentIntentStatus> fromWire(String wire) {
    for (PaymentIntentStatus status : values()) {
      if (status.wire().equals(wire)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  static String list(List<PaymentIntentStatus> statuses) {
    return String.join(", ", statuses.stream().map(PaymentIntentStatus::wire).toList());
  }
}
