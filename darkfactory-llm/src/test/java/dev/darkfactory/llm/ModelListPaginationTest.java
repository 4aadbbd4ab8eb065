package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.internal.http.ProviderCall;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.RecordedRequest;
import dev.darkfactory.testkit.Script;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Client#verifyModel} reads the provider's whole model list, following each vendor's
 * pagination (the twin pages exactly as the APIs do), so a model the catalog does not know is found
 * on any page, and a name on no page is still refused.
 */
class ModelListPaginationTest {

  /** Names the catalog does not know, so only the provider's list can vouch for them. */
  private static List<String> models(int count) {
    return IntStream.range(0, count).mapToObj(i -> "listed-model-" + i).toList();
  }

  private static List<RecordedRequest> listRequests(FakeProviderServer twin, String path) {
    return twin.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).toList();
  }

  @Test
  void anthropicModelOnTheThirdPageIsFoundAndAMissingOneIsStillRefused() {
    // Pages: the first at Anthropic's default 20, then 1,000 each: the model at 1,500 is on page 3.
    try (FakeProviderServer twin = FakeProviderServer.start(Script.builder().models(models(2_100)).build());
        Client client = Twins.client(twin)) {
      client.verifyModel("anthropic", "listed-model-1500");
      List<RecordedRequest> pages = listRequests(twin, "/v1/models");
      assertThat(pages).hasSize(4);
      assertThat(pages.get(0).query()).isEmpty();
      assertThat(pages.get(1).query()).isEqualTo("limit=1000&after_id=listed-model-19");
      assertThat(pages.get(2).query()).isEqualTo("limit=1000&after_id=listed-model-1019");

      assertThatThrownBy(() -> client.verifyModel("anthropic", "listed-model-99999"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("Unknown model 'listed-model-99999'");
    }
  }

  @Test
  void geminiModelOnTheThirdPageIsFoundAndAMissingOneIsStillRefused() {
    try (FakeProviderServer twin = FakeProviderServer.start(Script.builder().models(models(2_500)).build());
        Client client = Twins.client(twin)) {
      client.verifyModel("gemini", "listed-model-2400");
      List<RecordedRequest> pages = listRequests(twin, "/v1beta/models");
      assertThat(pages).hasSize(3);
      assertThat(pages).allSatisfy(page -> assertThat(page.query()).contains("pageSize=1000"));
      assertThat(pages.get(0).query()).doesNotContain("pageToken");
      assertThat(pages.get(2).query()).contains("pageToken=");

      assertThatThrownBy(() -> client.verifyModel("gemini", "listed-model-2500")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void openAiListIsReadInOneRequest() {
    try (FakeProviderServer twin = FakeProviderServer.start(Script.builder().models(models(2_500)).build());
        Client client = Twins.client(twin)) {
      client.verifyModel("openai", "listed-model-2499");
      assertThat(listRequests(twin, "/v1/models")).hasSize(1);
      assertThatThrownBy(() -> client.verifyModel("openai", "listed-model-2500")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void aListLongerThanThePageCapCannotProveAModelAbsent() {
    int pastTheCap = 20 + (ProviderCall.MAX_MODEL_PAGES - 1) * 1000 + 1;
    try (FakeProviderServer twin = FakeProviderServer.start(Script.builder().models(models(pastTheCap)).build());
        Client client = Twins.client(twin)) {
      client.verifyModel("anthropic", "not-listed-anywhere");
      assertThat(listRequests(twin, "/v1/models")).hasSize(ProviderCall.MAX_MODEL_PAGES);
    }
  }
}
