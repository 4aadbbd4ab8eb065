package dev.darkfactory.cli.conformance.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The pipelines tier 3 parses, validates and runs: one per kind of check the benchmark makes. */
public final class BenchFixtures {
  static final Map<String, String> DOTS = new LinkedHashMap<>();

  static {
    DOTS.put("simple", """
        digraph simple {
          start [shape=Mdiamond]
          step_a [shape=box, prompt="Do step A"]
          done [shape=Msquare]
          start -> step_a -> done
        }
        """);
    DOTS.put("conditional", """
        digraph conditional {
          graph [goal="Route on the outcome"]
          start [shape=Mdiamond]
          check [shape=box, prompt="Check the work for: $goal"]
          path_a [shape=box, prompt="Path A"]
          path_b [shape=box, prompt="Path B"]
          done [shape=Msquare]
          start -> check
          check -> path_a [condition="outcome=success"]
          check -> path_b [condition="outcome=fail"]
          path_a -> done
          path_b -> done
        }
        """);
    DOTS.put("goal_gate", """
        digraph goal_gate {
          graph [goal="Enforce the goal gate"]
          start [shape=Mdiamond]
          implement [shape=box, prompt="Implement: $goal", goal_gate=true]
          review [shape=box, prompt="Review the implementation"]
          done [shape=Msquare]
          start -> implement
          implement -> review [condition="outcome=success"]
          implement -> implement [condition="outcome=fail", label="Retry"]
          review -> done [condition="outcome=success"]
          review -> implement [condition="outcome=fail", label="Fix"]
        }
        """);
    DOTS.put("missing_start", """
        digraph no_start {
          step_a [shape=box, prompt="Step A"]
          done [shape=Msquare]
          step_a -> done
        }
        """);
    DOTS.put("orphan", """
        digraph orphan {
          start [shape=Mdiamond]
          step_a [shape=box, prompt="Step A"]
          island [shape=box, prompt="Nobody reaches this"]
          done [shape=Msquare]
          start -> step_a -> done
        }
        """);
    DOTS.put("attributes", """
        digraph attrs {
          graph [goal="Check attributes", label="Attribute check"]
          start [shape=Mdiamond]
          step [shape=box,
                prompt="A prompt\\nover two lines",
                max_retries=2]
          done [shape=Msquare]
          start -> step [label="go", weight=10]
          step -> done
        }
        """);
    DOTS.put("chained", """
        digraph chained {
          start [shape=Mdiamond]
          A [shape=box, prompt="A"]
          B [shape=box, prompt="B"]
          C [shape=box, prompt="C"]
          done [shape=Msquare]
          start -> A -> B -> C -> done
        }
        """);
    DOTS.put("comments", """
        digraph comments {
          // a line comment that must not reach the AST
          start [shape=Mdiamond]
          /* a block comment
             over two lines */
          step [shape=box, prompt="Step"]
          done [shape=Msquare]
          start -> step -> done
        }
        """);
    DOTS.put("subgraph", """
        digraph nested {
          start [shape=Mdiamond]
          done [shape=Msquare]
          subgraph cluster_inner {
            label="Inner"
            inner_a [shape=box, prompt="Inner A"]
            inner_b [shape=box, prompt="Inner B"]
            inner_a -> inner_b
          }
          start -> inner_a
          inner_b -> done
        }
        """);
    DOTS.put("defaults", """
        digraph defaults {
          node [shape=box]
          start [shape=Mdiamond]
          step_a [prompt="A"]
          step_b [prompt="B"]
          done [shape=Msquare]
          start -> step_a -> step_b -> done
        }
        """);
    DOTS.put("missing_exit", """
        digraph no_exit {
          start [shape=Mdiamond]
          step_a [shape=box, prompt="A"]
          step_b [shape=box, prompt="B"]
          start -> step_a -> step_b
        }
        """);
    DOTS.put("bad_edge", """
        digraph bad_edge {
          start [shape=Mdiamond]
          step_a [shape=box, prompt="A"]
          done [shape=Msquare]
          start -> step_a -> nowhere_node
          step_a -> done
        }
        """);
    DOTS.put("missing_prompt", """
        digraph no_prompt {
          start [shape=Mdiamond]
          step_a [shape=box]
          done [shape=Msquare]
          start -> step_a -> done
        }
        """);
  }

  private BenchFixtures() {}

  /** Writes every fixture as {@code <name>.dot} into {@code dir}. */
  public static void write(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> dot : DOTS.entrySet()) {
        Files.writeString(dir.resolve(dot.getKey() + ".dot"), dot.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fixtures to " + dir, e);
    }
  }
}
