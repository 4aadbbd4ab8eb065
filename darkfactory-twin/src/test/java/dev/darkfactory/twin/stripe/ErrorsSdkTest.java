package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.net.ApiResource;
import com.stripe.param.CustomerCreateParams;
import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.fixture.Http;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stripe's errors and the twin's faults as stripe-java sees them: each maps to the SDK's own exception type. */
class ErrorsSdkTest extends StripeSdkTest {

  @Test
  void anUnknownUrlIsStripes404() {
    assertThatThrownBy(() -> stripe.rawRequest(ApiResource.RequestMethod.GET, "/v1/nothing", null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(404);
          assertThat(e.getStripeError().getMessage()).isEqualTo("Unrecognized request URL (GET: /v1/nothing). Please see"
              + " https://stripe.com/docs or we can help at https://support.stripe.com/.");
          assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
        });
  }

  @Test
  void aMissingKeyIsStripes401() {
    Http.Answer answer = new Http(twin.baseUrl()).get("/v1/customers", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().path("error").path("message").asString()).startsWith("You did not provide an API key.");
    assertThat(answer.header("Request-Id")).startsWith("req_");
  }

  @Test
  void aKeyThatIsNotATestKeyIsAnAuthenticationError() {
    assertThatThrownBy(() -> client("not_a_key_at_all").v1().customers().list())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(401);
          assertThat(e.getStripeError().getMessage()).isEqualTo("Invalid API Key provided: not_a_ke****_all");
        });
  }

  @Test
  void aLiveKeyIsRefusedAndNeverShown() {
    String live = "sk_live_51HxYzAbCdEfGhIjKlMnOp";

    assertThatThrownBy(() -> client(live).v1().customers().list())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getStripeError().getMessage())
            .contains("test keys only").doesNotContain("51HxYzAbCdEfGhIjKl"));
    assertThat(twin.journal().exchanges().getLast().requestHeaders().get("authorization")).containsExactly("Bearer [REDACTED]");
  }

  @Test
  void basicAuthWithTheKeyAsUserIsAccepted() {
    String basic = java.util.Base64.getEncoder().encodeToString((KEY + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Http.Answer answer = new Http(twin.baseUrl()).send(java.net.http.HttpRequest.newBuilder(twin.baseUrl().resolve("/v1/customers"))
        .header("Authorization", "Basic " + basic).GET().build());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("object").asString()).isEqualTo("list");
  }

  @Test
  void anInjected429IsARateLimitExceptionWithStripesBodyAndRetryAfter() {
    twin.faults().add(FaultRule.newBuilder().route("POST /v1/customers").fault(Fault.rateLimited(Duration.ofSeconds(2))).build());

    assertThatThrownBy(() -> stripe.v1().customers().create(CustomerCreateParams.builder().build()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(429);
          assertThat(e.getCode()).isEqualTo("rate_limit");
          assertThat(e.getRequestId()).startsWith("req_");
        });
    assertThat(twin.journal().exchanges().getLast().responseHeaders().get("retry-after")).containsExactly("2");
  }

  @Test
  void injectedServerErrorsAreApiExceptions() {
    twin.faults().add(FaultRule.newBuilder().route("GET /v1/customers").nth(1).fault(Fault.status(500)).build());
    twin.faults().add(FaultRule.newBuilder().route("GET /v1/customers").nth(2).fault(Fault.status(503)).build());

    assertThatThrownBy(() -> stripe.v1().customers().list()).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.getStatusCode()).isEqualTo(500);
      assertThat(e.getStripeError().getType()).isEqualTo("api_error");
    });
    assertThatThrownBy(() -> stripe.v1().customers().list()).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.getStatusCode()).isEqualTo(503));
  }

  @Test
  void theSdkRetriesServerErrorsOnItsOwn() throws Exception {
    twin.faults().add(FaultRule.newBuilder().route("GET /v1/customers").limit(1).fault(Fault.status(503)).build());

    assertThat(client(KEY, 1).v1().customers().list().getData()).isEmpty();
  }

  @Test
  void aMalformedBodyIsAnApiException() {
    twin.faults().add(FaultRule.newBuilder().route("GET /v1/customers").fault(Fault.malformed()).build());

    assertThatThrownBy(() -> stripe.v1().customers().list()).isInstanceOf(ApiException.class)
        .hasMessageContaining("Invalid response object from API");
  }

  @Test
  void aResetConnectionIsAnApiConnectionException() {
    // Every call resets: the JDK's HttpURLConnection quietly retries a GET once after a reset, and the retry must fail too.
    twin.faults().add(FaultRule.newBuilder().route("GET /v1/customers").fault(Fault.reset()).build());

    assertThatThrownBy(() -> stripe.v1().customers().list()).isInstanceOf(ApiConnectionException.class);
  }

  @Test
  void aTruncatedBodyIsAnApiConnectionException() {
    twin.faults().add(FaultRule.newBuilder().route("GET /v1/customers").fault(Fault.truncate()).build());

    assertThatThrownBy(() -> stripe.v1().customers().list()).isInstanceOf(ApiConnectionException.class);
  }

  @Test
  void everyAnswerCarriesRequestIdAndStripeVersion() throws Exception {
    var customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());

    assertThat(customer.getLastResponse().requestId()).matches("req_[0-9A-Za-z]{14}");
    assertThat(customer.getLastResponse().headers().firstValue("Stripe-Version")).contains(com.stripe.Stripe.API_VERSION);
    assertThat(customer.getLastResponse().headers().firstValue("X-Twin")).contains("stripe");
  }
}
