package dev.darkfactory.twin.stripe;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Currencies and amounts as Stripe checks and writes them in error messages ("$0.50 usd"). */
final class Money {

  static final List<String> CURRENCIES = List.of("usd", "aed", "aud", "brl", "cad", "chf", "cny", "czk", "dkk", "eur", "gbp",
      "hkd", "huf", "idr", "ils", "inr", "jpy", "krw", "mxn", "myr", "nok", "nzd", "php", "pln", "ron", "sek", "sgd", "thb",
      "try", "twd", "zar");
  private static final Set<String> ZERO_DECIMAL = Set.of("jpy", "krw", "bif", "clp", "djf", "gnf", "kmf", "mga", "pyg", "rwf",
      "ugx", "vnd", "vuv", "xaf", "xof", "xpf");
  private static final Map<String, Long> MINIMUM = Map.of("usd", 50L, "eur", 50L, "gbp", 30L, "cad", 50L, "aud", 50L, "chf", 50L,
      "jpy", 50L, "nzd", 50L, "sgd", 50L, "hkd", 400L);
  static final long MAXIMUM = 99_999_999L;

  private Money() {}

  static String currency(Params params) {
    String currency = params.requireString("currency").toLowerCase(Locale.ROOT);
    if (!CURRENCIES.contains(currency)) {
      throw ApiError.invalid("Invalid currency: " + currency + ". Stripe currently supports these currencies: "
          + String.join(", ", CURRENCIES), null, "currency");
    }
    return currency;
  }

  /** A charge amount: a positive integer within the currency's minimum and Stripe's maximum. */
  static long amount(long amount, String currency, String param) {
    if (amount < 1) {
      throw ApiError.invalid("This value must be greater than or equal to 1.", null, param);
    }
    Long minimum = MINIMUM.get(currency);
    if (minimum != null && amount < minimum) {
      throw ApiError.invalid("Amount must be at least " + format(minimum, currency) + " " + currency, "amount_too_small", param);
    }
    if (amount > MAXIMUM) {
      throw ApiError.invalid("Amount must be no more than " + format(MAXIMUM, currency), "amount_too_large", param);
    }
    return amount;
  }

  /** {@code $1,234.50}, {@code €0.50}, {@code ¥500}, {@code 12.00 SEK}. */
  static String format(long amount, String currency) {
    boolean zero = ZERO_DECIMAL.contains(currency);
    BigDecimal value = zero ? BigDecimal.valueOf(amount) : BigDecimal.valueOf(amount, 2);
    DecimalFormat format = new DecimalFormat(zero ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    String number = format.format(value);
    return switch (currency) {
      case "usd" -> "$" + number;
      case "eur" -> "€" + number;
      case "gbp" -> "£" + number;
      case "jpy" -> "¥" + number;
      default -> number + " " + currency.toUpperCase(Locale.ROOT);
    };
  }
}
