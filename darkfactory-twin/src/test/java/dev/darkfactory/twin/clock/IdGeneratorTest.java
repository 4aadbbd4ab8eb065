package dev.darkfactory.twin.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  @Test
  void theSameSeedAndNamespaceGiveTheSameIds() {
    assertThat(ids(1, "ns_a")).isEqualTo(ids(1, "ns_a"));
  }

  @Test
  void anotherSeedOrNamespaceGivesOthers() {
    assertThat(ids(1, "ns_a")).isNotEqualTo(ids(2, "ns_a"));
    assertThat(ids(1, "ns_a")).isNotEqualTo(ids(1, "ns_b"));
  }

  @Test
  void idsHaveThePrefixAndLengthAskedFor() {
    String id = new IdGenerator(0, "ns").next("cus", 14);

    assertThat(id).matches("cus_[0-9A-Za-z]{14}");
  }

  private static List<String> ids(long seed, String namespace) {
    IdGenerator ids = new IdGenerator(seed, namespace);
    return IntStream.range(0, 5).mapToObj(i -> ids.next("x", 12)).toList();
  }
}
