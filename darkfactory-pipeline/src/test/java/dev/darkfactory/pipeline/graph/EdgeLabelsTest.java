package dev.darkfactory.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Accelerator keys (4.6) and label normalisation (3.3 step 2). */
class EdgeLabelsTest {
  @Test
  void acceleratorKeysFollowTheFourPatterns() {
    assertThat(EdgeLabels.acceleratorKey("[Y] Yes, deploy")).isEqualTo("Y");
    assertThat(EdgeLabels.acceleratorKey("Y) Yes, deploy")).isEqualTo("Y");
    assertThat(EdgeLabels.acceleratorKey("Y - Yes, deploy")).isEqualTo("Y");
    assertThat(EdgeLabels.acceleratorKey("Yes, deploy")).isEqualTo("Y");
    assertThat(EdgeLabels.acceleratorKey("approve")).isEqualTo("A");
    assertThat(EdgeLabels.acceleratorKey("")).isEmpty();
  }

  @Test
  void normalisationLowercasesTrimsAndStripsPrefixes() {
    assertThat(EdgeLabels.normalize("  [A] Approve ")).isEqualTo("approve");
    assertThat(EdgeLabels.normalize("F) Fix It")).isEqualTo("fix it");
    assertThat(EdgeLabels.normalize("N - No")).isEqualTo("no");
    assertThat(EdgeLabels.normalize("Plain")).isEqualTo("plain");
  }
}
