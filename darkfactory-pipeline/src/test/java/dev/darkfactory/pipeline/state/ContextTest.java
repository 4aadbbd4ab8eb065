package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** attractor-spec.md 5.1. */
class ContextTest {
  @Test
  void valuesAreNormalisedToJsonShapes() {
    Context context = new Context();
    context.set("int", 3);
    context.set("float", 1.5f);
    context.set("list", List.of(1, "two"));
    context.set("status", StageStatus.FAIL);
    assertThat(context.get("int")).contains(3L);
    assertThat(context.get("float")).contains(1.5);
    assertThat(context.get("list")).contains(List.of(1L, "two"));
    assertThat(context.getString("status")).isEqualTo("fail");
    assertThatThrownBy(() -> context.set("bad", new Object())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> context.set("null", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void getStringGivesTheTextFormConditionsCompare() {
    Context context = Context.of(Map.of("flag", true, "n", 42L, "m", Map.of("k", "v")));
    assertThat(context.getString("flag")).isEqualTo("true");
    assertThat(context.getString("n")).isEqualTo("42");
    assertThat(context.getString("m")).isEqualTo("{\"k\":\"v\"}");
    assertThat(context.getString("missing")).isEmpty();
    assertThat(context.getString("missing", "fallback")).isEqualTo("fallback");
  }

  @Test
  void aCopyIsIndependent() {
    Context original = Context.of(Map.of("shared", "v", "nested", Map.of("a", List.of(1))));
    original.appendLog("before");
    Context copy = original.copy();
    copy.set("shared", "changed");
    copy.appendLog("copy only");
    original.set("new", "x");
    assertThat(original.getString("shared")).isEqualTo("v");
    assertThat(copy.has("new")).isFalse();
    assertThat(original.logs()).containsExactly("before");
    assertThat(copy.logs()).containsExactly("before", "copy only");
    assertThatThrownBy(() -> ((Map<String, Object>) copy.get("nested").orElseThrow()).put("b", 2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSnapshotDoesNotChangeLater() {
    Context context = Context.of(Map.of("a", 1));
    Map<String, Object> snapshot = context.snapshot();
    context.set("a", 2);
    assertThat(snapshot).containsEntry("a", 1L);
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    Context context = new Context();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            context.set("t" + thread + "." + i, i);
            context.applyUpdates(Map.of("last." + thread, i));
            context.appendLog("t" + thread);
            context.snapshot();
          }
        }));
      }
      for (var f : futures) {
        f.get();
      }
    }
    assertThat(context.snapshot()).hasSize(8 * 500 + 8);
    assertThat(context.logs()).hasSize(8 * 500);
  }
}
