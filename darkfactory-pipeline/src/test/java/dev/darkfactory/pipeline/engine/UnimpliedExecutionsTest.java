package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint stores the execution counts that differ from the node's occurrences in the
 * completed list. {@link UnimpliedExecutions} keeps them from what changed since the last
 * checkpoint; it must always agree with comparing every node, whatever mix of executions,
 * abandoned attempts, completions and branch catch-ups happened in between.
 */
class UnimpliedExecutionsTest {

  @Test
  void agreesWithComparingEveryNodeAfterAnySequenceOfChanges() {
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      Map<String, Integer> initial = new HashMap<>();
      List<String> completed = new ArrayList<>();
      for (int i = 0; i < random.nextInt(4); i++) {
        String node = "n" + random.nextInt(6);
        completed.add(node);
        initial.merge(node, 1 + random.nextInt(2), Integer::sum);
      }
      ExecutionCounts counts = new ExecutionCounts(initial);
      UnimpliedExecutions tracked = new UnimpliedExecutions();
      for (int step = 0; step < 60; step++) {
        String node = "n" + random.nextInt(6);
        switch (random.nextInt(5)) {
          case 0, 1 -> {
            counts.increment(node);
            if (random.nextBoolean()) {
              completed.add(node);
            }
          }
          case 2 -> counts.decrement(node);
          case 3 -> counts.raiseTo(Map.of(node, random.nextInt(5)));
          default -> { } // a checkpoint with nothing new
        }
        if (random.nextInt(3) == 0) {
          continue; // several changes between two checkpoints
        }
        assertThat(tracked.update(completed, counts)).containsExactlyInAnyOrderEntriesOf(bruteForce(completed, counts.snapshot()));
      }
    }
  }

  /** What the file stored before: every count that differs from the node's occurrences. */
  private static Map<String, Integer> bruteForce(List<String> completed, Map<String, Integer> executions) {
    Map<String, Integer> occurrences = new HashMap<>();
    completed.forEach(node -> occurrences.merge(node, 1, Integer::sum));
    Map<String, Integer> differing = new HashMap<>();
    executions.forEach((node, count) -> {
      if (!count.equals(occurrences.getOrDefault(node, 0))) {
        differing.put(node, count);
      }
    });
    return differing;
  }
}
