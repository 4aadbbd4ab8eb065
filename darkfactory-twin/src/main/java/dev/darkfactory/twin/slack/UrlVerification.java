package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.webhook.WebhookOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The handshake Slack performs when a Request URL is entered in the app settings: a signed POST of
 * {@code {"token", "challenge", "type": "url_verification"}}, which the app must answer with HTTP 200 and the
 * challenge (as plain text, {@code {"challenge": ...}} or {@code challenge=...}) within the timeout (Slack: 3 s).
 * Slack does not save a URL that fails, and neither does the twin: the seed that sets it is refused.
 */
final class UrlVerification {

  private final WebhookOptions options;
  private final Clock wall;

  UrlVerification(WebhookOptions options, Clock wall) {
    this.options = options;
    this.wall = wall;
  }

  /** Why {@code url} is not a verified Request URL; empty when it answered the challenge. */
  Optional<String> problem(URI url, String signingSecret, String verificationToken, String challenge, Instant twinNow) {
    Optional<String> refused = options.refusal(url);
    if (refused.isPresent()) {
      return refused;
    }
    byte[] body = Json.bytes(SlackJson.object().put("token", verificationToken).put("challenge", challenge)
        .put("type", "url_verification"));
    Instant signedAt = options.signatureTime() == WebhookOptions.SignatureTime.TWIN ? twinNow : wall.instant();
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(options.timeout())
        .header("Content-Type", "application/json").header("User-Agent", SlackEvents.USER_AGENT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> header : new SlackSignature().sign(body, signingSecret, signedAt).entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(options.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.of("Your URL didn't respond with the value of the challenge parameter: it answered HTTP "
            + response.statusCode());
      }
      return answers(response.body(), challenge) ? Optional.empty()
          : Optional.of("Your URL didn't respond with the value of the challenge parameter: it answered '" + cut(response.body()) + "'");
    } catch (HttpTimeoutException e) {
      return Optional.of("Your URL didn't respond with the value of the challenge parameter: no answer within "
          + options.timeout().toMillis() + " ms");
    } catch (IOException e) {
      return Optional.of("Your request URL could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while verifying the request URL");
    }
  }

  private static boolean answers(String body, String challenge) {
    String trimmed = body.trim();
    if (trimmed.equals(challenge)) {
      return true;
    }
    if (trimmed.startsWith("{")) {
      try {
        JsonNode json = Json.parse(trimmed);
        return json.path("challenge").asString("").equals(challenge);
      } catch (JacksonException e) {
        return false; // not JSON: not the challenge
      }
    }
    return trimmed.startsWith("challenge=")
        && URLDecoder.decode(trimmed.substring("challenge=".length()), StandardCharsets.UTF_8).equals(challenge);
  }

  private static String cut(String body) {
    return body.length() <= 80 ? body : body.substring(0, 80) + "...";
  }
}
