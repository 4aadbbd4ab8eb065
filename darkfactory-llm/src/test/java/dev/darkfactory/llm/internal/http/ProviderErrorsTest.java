package dev.darkfactory.llm.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.AccessDeniedException;
import dev.darkfactory.llm.AuthenticationException;
import dev.darkfactory.llm.ContentFilterException;
import dev.darkfactory.llm.ContextLengthException;
import dev.darkfactory.llm.InvalidRequestException;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.NotFoundException;
import dev.darkfactory.llm.ProviderException;
import dev.darkfactory.llm.QuotaExceededException;
import dev.darkfactory.llm.RateLimitException;
import dev.darkfactory.llm.RequestTimeoutException;
import dev.darkfactory.llm.ServerException;
import dev.darkfactory.llm.UnknownProviderException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {

  private static LlmException error(int status, String body, Map<String, List<String>> headers) {
    return ProviderErrors.fromResponse("openai", status, HttpHeaders.of(headers, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
  }

  private static LlmException error(int status, String message) {
    return error(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"x\"}}", Map.of());
  }

  @ParameterizedTest(name = "HTTP {0} is {1}")
  @CsvSource({
    "400, InvalidRequestException, false",
    "401, AuthenticationException, false",
    "403, AccessDeniedException, false",
    "404, NotFoundException, false",
    "408, RequestTimeoutException, false",
    "413, ContextLengthException, false",
    "422, InvalidRequestException, false",
    "429, RateLimitException, true",
    "500, ServerException, true",
    "502, ServerException, true",
    "503, ServerException, true",
    "504, ServerException, true",
    "529, ServerException, true",
    "418, UnknownProviderException, true"})
  void mapsStatusCodesPerSection64(int status, String type, boolean retryable) {
    LlmException error = error(status, "something happened");
    assertThat(error.getClass().getSimpleName()).isEqualTo(type);
    assertThat(error.retryable()).isEqualTo(retryable);
    assertThat(error.remedy()).isNotBlank();
  }

  @Test
  void classifiesMessagesPerSection65() {
    assertThat(error(400, "Your credit balance is too low to access the Anthropic API")).isInstanceOf(QuotaExceededException.class);
    assertThat(error(429, "You exceeded your current quota, please check your plan and billing details."))
        .isInstanceOf(QuotaExceededException.class).matches(e -> !e.retryable());
    assertThat(error(402, "Payment required")).isInstanceOf(QuotaExceededException.class);
    assertThat(error(400, "prompt is too long: 210000 tokens > 200000 maximum")).isInstanceOf(ContextLengthException.class);
    assertThat(error(400, "This model's maximum context length is 128000 tokens")).isInstanceOf(ContextLengthException.class);
    assertThat(error(400, "blocked by the safety system")).isInstanceOf(ContentFilterException.class);
    assertThat(error(400, "API key not valid. Please pass a valid API key.")).isInstanceOf(AuthenticationException.class);
    assertThat(error(400, "Invalid value at 'safety_settings[0].threshold'")).isInstanceOf(InvalidRequestException.class);
    assertThat(error(400, "The model foo does not exist")).isInstanceOf(NotFoundException.class);
    assertThat(error(403, "forbidden")).isInstanceOf(AccessDeniedException.class);
    assertThat(error(400, "bad parameter")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void keepsProviderDetailsAndRawBody() {
    ProviderException error = (ProviderException) error(429,
        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}",
        Map.of("retry-after", List.of("2")));
    assertThat(error).isInstanceOf(RateLimitException.class);
    assertThat(error.provider()).isEqualTo("openai");
    assertThat(error.statusCode()).contains(429);
    assertThat(error.errorCode()).contains("rate_limit_error");
    assertThat(error.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(error.raw()).isPresent();
    assertThat(error.getMessage()).contains("slow down");
  }

  @Test
  void geminiListShapedErrorsAndGrpcStatus() {
    LlmException error = error(429, "[{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}]", Map.of());
    assertThat(error).isInstanceOf(RateLimitException.class);
  }

  @Test
  void nonJsonBodiesStillClassify() {
    assertThat(error(503, "<html>Service Unavailable</html>", Map.of())).isInstanceOf(ServerException.class)
        .hasMessageContaining("Service Unavailable");
  }

  @Test
  void parsesRetryAfterSecondsFractionsDatesAndMilliseconds() {
    assertThat(ProviderErrors.parseRetryAfter("3")).contains(Duration.ofSeconds(3));
    assertThat(ProviderErrors.parseRetryAfter("0.25")).contains(Duration.ofMillis(250));
    assertThat(ProviderErrors.parseRetryAfter("soon")).isEmpty();
    String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
    assertThat(ProviderErrors.parseRetryAfter(inTenSeconds)).hasValueSatisfying(wait ->
        assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(11)));
    var headers = HttpHeaders.of(Map.of("retry-after-ms", List.of("1500"), "retry-after", List.of("9")), (a, b) -> true);
    assertThat(ProviderErrors.retryAfter(headers)).contains(Duration.ofMillis(1500));
  }

  @Test
  void unknownErrorsAreRetryableByDefault() {
    assertThat(new UnknownProviderException("?", dev.darkfactory.llm.ProviderErrorDetails.of("x", 499)).retryable()).isTrue();
    assertThat(new RequestTimeoutException("slow").retryable()).isFalse();
  }
}
