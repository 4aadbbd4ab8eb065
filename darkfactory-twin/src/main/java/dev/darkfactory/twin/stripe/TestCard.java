package dev.darkfactory.twin.stripe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stripe's test cards, by the magic payment method ids ({@code pm_card_visa}) and tokens ({@code tok_visa}) that
 * stand for them in test mode, with what happens when they are charged (https://docs.stripe.com/testing).
 */
record TestCard(String paymentMethod, String token, String brand, String last4, String funding, String country,
    Outcome outcome) {

  /** What charging the card does. */
  sealed interface Outcome {
    record Succeeds() implements Outcome {}

    /** A decline: the error {@code code}, the {@code decline_code}, the message, and the {@code param} it blames. */
    record Declined(String code, String declineCode, String message, Optional<String> param) implements Outcome {}

    /** 3-D Secure: the PaymentIntent goes to {@code requires_action}. */
    record RequiresAction() implements Outcome {}
  }

  private static final Outcome SUCCEEDS = new Outcome.Succeeds();

  static final List<TestCard> ALL = List.of(
      new TestCard("pm_card_visa", "tok_visa", "visa", "4242", "credit", "US", SUCCEEDS),
      new TestCard("pm_card_visa_debit", "tok_visa_debit", "visa", "5556", "debit", "US", SUCCEEDS),
      new TestCard("pm_card_mastercard", "tok_mastercard", "mastercard", "4444", "credit", "US", SUCCEEDS),
      new TestCard("pm_card_amex", "tok_amex", "amex", "8431", "credit", "US", SUCCEEDS),
      new TestCard("pm_card_discover", "tok_discover", "discover", "1117", "credit", "US", SUCCEEDS),
      new TestCard("pm_card_chargeDeclined", "tok_chargeDeclined", "visa", "0002", "credit", "US",
          declined("card_declined", "generic_decline", "Your card was declined.", null)),
      new TestCard("pm_card_chargeDeclinedInsufficientFunds", "tok_chargeDeclinedInsufficientFunds", "visa", "9995", "credit", "US",
          declined("card_declined", "insufficient_funds", "Your card has insufficient funds.", null)),
      new TestCard("pm_card_chargeDeclinedLostCard", "tok_chargeDeclinedLostCard", "visa", "9987", "credit", "US",
          declined("card_declined", "lost_card", "Your card was declined.", null)),
      new TestCard("pm_card_chargeDeclinedStolenCard", "tok_chargeDeclinedStolenCard", "visa", "9979", "credit", "US",
          declined("card_declined", "stolen_card", "Your card was declined.", null)),
      new TestCard("pm_card_chargeDeclinedFraudulent", "tok_chargeDeclinedFraudulent", "visa", "0019", "credit", "US",
          declined("card_declined", "fraudulent", "Your card was declined.", null)),
      new TestCard("pm_card_chargeDeclinedExpiredCard", "tok_chargeDeclinedExpiredCard", "visa", "0069", "credit", "US",
          declined("expired_card", "expired_card", "Your card has expired.", "exp_month")),
      new TestCard("pm_card_chargeDeclinedIncorrectCvc", "tok_chargeDeclinedIncorrectCvc", "visa", "0127", "credit", "US",
          declined("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect.", "cvc")),
      new TestCard("pm_card_chargeDeclinedProcessingError", "tok_chargeDeclinedProcessingError", "visa", "0119", "credit", "US",
          declined("processing_error", "processing_error", "An error occurred while processing your card. Try again in a little bit.",
              null)),
      new TestCard("pm_card_authenticationRequired", "tok_authenticationRequired", "visa", "3184", "credit", "US",
          new Outcome.RequiresAction()),
      new TestCard("pm_card_threeDSecure2Required", "tok_threeDSecure2Required", "visa", "3220", "credit", "US",
          new Outcome.RequiresAction()));

  private static final Map<String, TestCard> BY_PAYMENT_METHOD = ALL.stream()
      .collect(Collectors.toMap(TestCard::paymentMethod, Function.identity()));
  private static final Map<String, TestCard> BY_TOKEN = ALL.stream().collect(Collectors.toMap(TestCard::token, Function.identity()));

  static Optional<TestCard> byPaymentMethod(String id) {
    return Optional.ofNullable(BY_PAYMENT_METHOD.get(id));
  }

  static Optional<TestCard> byToken(String token) {
    return Optional.ofNullable(BY_TOKEN.get(token));
  }

  /** The card behind a stored payment method, by its last four digits (a twin-made card always has one). */
  static Optional<TestCard> byLast4(String last4) {
    return ALL.stream().filter(card -> card.last4.equals(last4)).findFirst();
  }

  private static Outcome declined(String code, String declineCode, String message, String param) {
    return new Outcome.Declined(code, declineCode, message, Optional.ofNullable(param));
  }
}
