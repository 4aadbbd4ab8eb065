package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StageStatusTest {
  @Test
  void wireStringsAreExactlyTheSpecs() {
    assertThat(Arrays.stream(StageStatus.values()).map(StageStatus::wire))
        .containsExactly("success", "partial_success", "retry", "fail", "skipped");
  }

  @Test
  void onlyExactWireStringsParse() {
    assertThat(StageStatus.fromWire("partial_success")).contains(StageStatus.PARTIAL_SUCCESS);
    assertThat(StageStatus.fromWire("succeeded")).isEmpty();
    assertThat(StageStatus.fromWire("Success")).isEmpty();
    assertThat(StageStatus.fromWire("failed")).isEmpty();
  }

  @Test
  void successAndPartialSuccessCountAsSuccessAndSkippedDoesNot() {
    assertThat(StageStatus.SUCCESS.isSuccess()).isTrue();
    assertThat(StageStatus.PARTIAL_SUCCESS.isSuccess()).isTrue();
    assertThat(StageStatus.SKIPPED.isSuccess()).isFalse();
    assertThat(StageStatus.RETRY.isSuccess()).isFalse();
  }
}
