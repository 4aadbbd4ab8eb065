package dev.darkfactory.twin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamespaceTest {

  @Test
  void theIdIsAFingerprintNotTheCredential() {
    Namespace namespace = Namespace.ofCredential("sk_test_alice");

    assertThat(namespace.id()).matches("ns_[0-9a-f]{16}").doesNotContain("alice");
    assertThat(Namespace.ofCredential("sk_test_alice")).isEqualTo(namespace);
    assertThat(Namespace.ofCredential("sk_test_bob")).isNotEqualTo(namespace);
  }

  @Test
  void aNamespaceCanBeNamedByIdOrByCredential() {
    Namespace namespace = Namespace.ofCredential("sk_test_alice");

    assertThat(Namespace.parse(namespace.id())).isEqualTo(namespace);
    assertThat(Namespace.parse("sk_test_alice")).isEqualTo(namespace);
    assertThat(Namespace.parse("default")).isEqualTo(Namespace.DEFAULT);
  }

  @Test
  void hintsShowOnlyThePrefixAndForLongKeysTheLastFour() {
    assertThat(Namespace.mask("sk_test_alice")).isEqualTo("sk_test_…");
    assertThat(Namespace.mask("sk_test_51HxYzAbCdEfGh1234")).isEqualTo("sk_test_…1234");
    assertThat(Namespace.mask("token")).isEqualTo("…");
  }
}
