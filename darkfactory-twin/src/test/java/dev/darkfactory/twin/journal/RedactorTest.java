package dev.darkfactory.twin.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = Redactor.defaults();

  @Test
  void credentialHeadersKeepTheirSchemeOnly() {
    Map<String, List<String>> headers = redactor.headers(Map.of(
        "Authorization", List.of("Bearer sk_test_abcdef123456"),
        "X-Api-Key", List.of("k-123"),
        "Cookie", List.of("session=abc"),
        "Content-Type", List.of("application/json")));

    assertThat(headers.get("authorization")).containsExactly("Bearer [REDACTED]");
    assertThat(headers.get("x-api-key")).containsExactly("[REDACTED]");
    assertThat(headers.get("cookie")).containsExactly("[REDACTED]");
    assertThat(headers.get("content-type")).containsExactly("application/json");
  }

  @Test
  void secretFieldsOfFormBodiesAndQueriesAreRedacted() {
    String form = redactor.body("application/x-www-form-urlencoded",
        "amount=100&card%5Bnumber%5D=4242424242424242&card[cvc]=123&password=hunter2&metadata[order]=7");

    assertThat(form).isEqualTo(
        "amount=100&card%5Bnumber%5D=[REDACTED]&card[cvc]=[REDACTED]&password=[REDACTED]&metadata[order]=7");
    assertThat(redactor.query("access_token=abc&limit=3")).isEqualTo("access_token=[REDACTED]&limit=3");
  }

  @Test
  void secretFieldsOfJsonBodiesAreRedactedWhereverTheyAre() {
    String json = redactor.body("application/json",
        "{\"id\":\"pi_1\",\"client_secret\":\"pi_1_secret_xyz\",\"nested\":{\"bot_token\":\"abc\",\"number\":\"42\"}}");

    assertThat(json).isEqualTo(
        "{\"id\":\"pi_1\",\"client_secret\":\"[REDACTED]\",\"nested\":{\"bot_token\":\"[REDACTED]\",\"number\":\"42\"}}");
  }

  @Test
  void keyShapedValuesAreScrubbedAnywhere() {
    String text = redactor.body("text/plain", "use sk_live_51HxYzAbCdEf and whsec_0123456789 or xoxb-1234-5678-abcdef");

    assertThat(text).isEqualTo("use sk_live_[REDACTED] and whsec_[REDACTED] or xoxb-[REDACTED]");
  }
}
