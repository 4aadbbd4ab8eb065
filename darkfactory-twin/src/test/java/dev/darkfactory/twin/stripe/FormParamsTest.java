package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class FormParamsTest {

  @Test
  void bracketsNestObjectsAndListsAsStripeDoes() {
    ObjectNode tree = FormParams.parse("amount=2000&metadata[order]=7&metadata[note]=a%20b&expand[]=customer&expand[]=latest_charge"
        + "&payment_method_types[0]=card&payment_method_types[1]=link&shipping[address][city]=Paris&description=x+y");

    assertThat(tree.path("amount").asString()).isEqualTo("2000");
    assertThat(tree.path("metadata").path("order").asString()).isEqualTo("7");
    assertThat(tree.path("metadata").path("note").asString()).isEqualTo("a b");
    assertThat(tree.path("expand")).hasSize(2);
    assertThat(tree.path("expand").get(1).asString()).isEqualTo("latest_charge");
    assertThat(tree.path("payment_method_types").isArray()).isTrue();
    assertThat(tree.path("payment_method_types").get(1).asString()).isEqualTo("link");
    assertThat(tree.path("shipping").path("address").path("city").asString()).isEqualTo("Paris");
    assertThat(tree.path("description").asString()).isEqualTo("x y");
  }

  @Test
  void encodedBracketsAreBracketsToo() {
    ObjectNode tree = FormParams.parse("metadata%5Bkey%5D=v");

    assertThat(tree.path("metadata").path("key").asString()).isEqualTo("v");
  }

  @Test
  void badPercentEncodingIsStripesInvalidRequest() {
    assertThatThrownBy(() -> FormParams.parse("a=%zz")).isInstanceOf(ApiError.class).hasMessageContaining("percent-encoding");
  }

  @Test
  void metadataMergesUnsetsAndClears() {
    ObjectNode object = StripeJson.object();
    object.putObject("metadata").put("keep", "1").put("drop", "2");

    Params.parse("metadata[drop]=&metadata[add]=3").applyMetadata(object);
    assertThat(object.path("metadata").propertyNames()).containsExactlyInAnyOrder("keep", "add");
    Params.parse("metadata=").applyMetadata(object);
    assertThat(object.path("metadata")).isEmpty();
  }

  @Test
  void canonicalFormIgnoresParameterOrder() {
    assertThat(Params.parse("a=1&b[c]=2&b[d]=3").canonical()).isEqualTo(Params.parse("b[d]=3&a=1&b[c]=2").canonical());
    assertThat(Params.parse("a=1").canonical()).isNotEqualTo(Params.parse("a=2").canonical());
  }

  @Test
  void amountsAreFormattedAsStripeWritesThem() {
    assertThat(Money.format(50, "usd")).isEqualTo("$0.50");
    assertThat(Money.format(99_999_999, "usd")).isEqualTo("$999,999.99");
    assertThat(Money.format(500, "jpy")).isEqualTo("¥500");
    assertThat(Money.format(1234, "sek")).isEqualTo("12.34 SEK");
  }

  @Test
  void keysAreMaskedAsStripeMasksThem() {
    assertThat(StripeCredentials.mask("sk_test_1234567890abcd")).isEqualTo("sk_test_**********abcd");
  }
}
