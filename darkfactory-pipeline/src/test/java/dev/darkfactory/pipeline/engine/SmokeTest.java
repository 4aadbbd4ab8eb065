package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @TempDir Path temp;

  @Test
  void linear() {
    var run = PipelineTestKit.of("""
        digraph T { start [shape=Mdiamond]; a [prompt="do a"]; b [prompt="do b"]; done [shape=Msquare]; start -> a -> b -> done }
        """, temp).run();
    assertThat(run.result().status().wire()).isEqualTo("success");
    assertThat(run.completed()).containsExactly("start", "a", "b", "done");
    run.events().events().forEach(System.out::println);
  }
}
