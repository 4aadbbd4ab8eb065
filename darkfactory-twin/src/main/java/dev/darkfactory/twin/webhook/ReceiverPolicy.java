package dev.darkfactory.twin.webhook;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which receiver URLs a twin delivers to: http and https only, and by default loopback only, judged from the URL
 * text alone (no DNS lookup, so checking never touches the network).
 */
final class ReceiverPolicy {

  private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private ReceiverPolicy() {}

  static Optional<String> refusal(URI url, boolean loopbackOnly) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("a webhook URL is http or https, not '" + url + "'");
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("a webhook URL needs a host: '" + url + "'");
    }
    if (loopbackOnly && !isLoopback(host)) {
      return Optional.of("the twin delivers webhooks to loopback addresses only (localhost, 127.0.0.1, [::1]), not '" + host
          + "'; allow other hosts with WebhookOptions.withLoopbackOnly(false)");
    }
    return Optional.empty();
  }

  static boolean isLoopback(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals("localhost") || lower.endsWith(".localhost") || LOOPBACK_V4.matcher(lower).matches()
        || lower.equals("[::1]") || lower.equals("::1");
  }
}
