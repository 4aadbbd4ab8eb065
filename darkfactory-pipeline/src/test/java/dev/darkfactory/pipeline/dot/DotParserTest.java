package dev.darkfactory.pipeline.dot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.testing.SpecExamples;
import dev.darkfactory.pipeline.graph.AttributeValue.BooleanValue;
import dev.darkfactory.pipeline.graph.AttributeValue.DurationValue;
import dev.darkfactory.pipeline.graph.AttributeValue.FloatValue;
import dev.darkfactory.pipeline.graph.AttributeValue.IntegerValue;
import dev.darkfactory.pipeline.graph.AttributeValue.StringValue;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** attractor-spec.md 2.2-2.13 and checklist 11.1. */
class DotParserTest {

  static Graph parse(String dot) {
    return DotParser.parse("test.dot", dot);
  }

  static Node node(Graph graph, String id) {
    return graph.node(id).orElseThrow(() -> new AssertionError("no node " + id));
  }

  @Nested
  class ExamplesFromTheSpec {
    @Test
    void simpleLinearWorkflow() {
      Graph graph = parse(SpecExamples.SIMPLE_LINEAR);
      assertThat(graph.name()).isEqualTo("Simple");
      assertThat(graph.goal()).isEqualTo("Run tests and report");
      assertThat(graph.attributes().text("rankdir")).contains("LR");
      assertThat(graph.nodes()).extracting(Node::id).containsExactly("start", "exit", "run_tests", "report");
      assertThat(graph.edges()).extracting(Edge::describe)
          .containsExactly("start -> run_tests", "run_tests -> report", "report -> exit");
      assertThat(node(graph, "run_tests").prompt()).isEqualTo("Run the test suite and report results");
      assertThat(graph.startNode()).map(Node::id).contains("start");
      assertThat(graph.exitNodes()).extracting(Node::id).containsExactly("exit");
    }

    @Test
    void branchingWorkflowWithConditions() {
      Graph graph = parse(SpecExamples.BRANCHING);
      assertThat(graph.nodes()).hasSize(6);
      assertThat(graph.edges()).hasSize(6);
      assertThat(node(graph, "plan").timeout()).contains(Duration.ofSeconds(900));
      assertThat(node(graph, "start").shape()).isEqualTo("Mdiamond");
      assertThat(node(graph, "gate").shape()).isEqualTo("diamond");
      Edge no = graph.outgoing("gate").get(1);
      assertThat(no.label()).isEqualTo("No");
      assertThat(no.condition()).isEqualTo("outcome!=success");
    }

    @Test
    void humanGate() {
      Graph graph = parse(SpecExamples.HUMAN_GATE);
      Node gate = node(graph, "review_gate");
      assertThat(gate.type()).isEqualTo("wait.human");
      assertThat(gate.label()).isEqualTo("Review Changes");
      assertThat(graph.outgoing("review_gate")).extracting(Edge::label).containsExactly("[A] Approve", "[F] Fix");
      assertThat(graph.hasNode("ship_it")).as("edge endpoints become nodes").isTrue();
    }

    @Test
    void subgraphScopingExample() {
      Graph graph = parse("""
          digraph G {
            subgraph cluster_loop {
                label = "Loop A"
                node [thread_id="loop-a", timeout="900s"]

                Plan      [label="Plan next step"]
                Implement [label="Implement", timeout="1800s"]
            }
            After [label="After"]
          }
          """);
      Node plan = node(graph, "Plan");
      Node implement = node(graph, "Implement");
      assertThat(plan.threadId()).contains("loop-a");
      assertThat(plan.timeout()).contains(Duration.ofSeconds(900));
      assertThat(implement.threadId()).contains("loop-a");
      assertThat(implement.timeout()).contains(Duration.ofSeconds(1800));
      assertThat(plan.derivedClasses()).containsExactly("loop-a");
      assertThat(plan.classes()).containsExactly("loop-a");
      assertThat(node(graph, "After").threadId()).as("defaults do not leak out of the subgraph").isEmpty();
      assertThat(node(graph, "After").derivedClasses()).isEmpty();
      assertThat(graph.label()).as("a subgraph label is not the graph label").isEmpty();
    }

    @Test
    void stylesheetExampleKeepsMultiLineStylesheetText() {
      Graph graph = parse("""
          digraph Pipeline {
              graph [
                  goal="Implement feature X",
                  model_stylesheet="
                      * { llm_model: claude-sonnet-4-5; llm_provider: anthropic; }
                      .code { llm_model: claude-opus-4-6; llm_provider: anthropic; }
                  "
              ]
              start [shape=Mdiamond]
              exit  [shape=Msquare]
              implement [label="Implement", class="code"]
              start -> implement -> exit
          }
          """);
      assertThat(graph.modelStylesheet()).contains("* { llm_model: claude-sonnet-4-5;").contains("\n");
      assertThat(node(graph, "implement").classes()).containsExactly("code");
    }

    @Test
    void smokeTestPipelineOfSection11_13() {
      Graph graph = parse(SpecExamples.SMOKE_TEST);
      assertThat(graph.goal()).isEqualTo("Create a hello world Python script");
      assertThat(graph.nodes()).hasSize(5);
      assertThat(graph.edges()).hasSize(6);
      assertThat(node(graph, "implement").goalGate()).isTrue();
      assertThat(graph.exitNodes()).extracting(Node::id).containsExactly("done");
    }
  }

  @Nested
  class Statements {
    @Test
    void chainedEdgesShareAttributes() {
      Graph graph = parse("digraph G { A -> B -> C [label=\"next\", weight=2] }");
      assertThat(graph.edges()).hasSize(2);
      assertThat(graph.edges()).allSatisfy(edge -> {
        assertThat(edge.label()).isEqualTo("next");
        assertThat(edge.weight()).isEqualTo(2);
      });
      assertThat(graph.edges()).extracting(Edge::describe).containsExactly("A -> B", "B -> C");
    }

    @Test
    void wholeGraphOnOneLineWithoutSemicolons() {
      Graph graph = parse("digraph G { start [shape=Mdiamond] exit [shape=Msquare] start -> exit }");
      assertThat(graph.nodes()).hasSize(2);
      assertThat(graph.edges()).hasSize(1);
    }

    @Test
    void semicolonsAreOptionalEverywhere() {
      Graph graph = parse("digraph G { graph [goal=\"g\"]; node [shape=box]; a; b [label=\"B\"]; a -> b; x = 1; ; };");
      assertThat(graph.nodes()).extracting(Node::id).containsExactly("a", "b");
      assertThat(graph.attributes().integer("x")).hasValue(1);
    }

    @Test
    void topLevelKeyValueIsAGraphAttribute() {
      Graph graph = parse("""
          digraph G {
            goal = "Ship it"
            stack.child_dotfile = "child.dot"
            default_max_retries = 3
          }
          """);
      assertThat(graph.goal()).isEqualTo("Ship it");
      assertThat(graph.attributes().text("stack.child_dotfile")).contains("child.dot");
      assertThat(graph.defaultMaxRetries()).isEqualTo(3);
    }

    @Test
    void qualifiedKeysOnNodes() {
      Graph graph = parse("""
          digraph G {
            gate [shape=hexagon, human.default_choice="approve", tool_hooks.pre="echo pre"]
          }
          """);
      Node gate = node(graph, "gate");
      assertThat(gate.attributes().text("human.default_choice")).contains("approve");
      assertThat(gate.attributes().text("tool_hooks.pre")).contains("echo pre");
      assertThat(gate.toolHooksPre()).contains("echo pre");
      assertThat(gate.toolHooksPost()).isEmpty();
    }

    @Test
    void toolHooksHaveTypedAccessorsOnTheGraphAndTheNode() {
      Graph graph = parse("""
          digraph G {
            tool_hooks.pre = "  ./check.sh  "
            graph [tool_hooks.post="./log.sh"]
            a [tool_hooks.post="   "]
          }
          """);
      assertThat(graph.toolHooksPre()).contains("./check.sh");
      assertThat(graph.toolHooksPost()).contains("./log.sh");
      assertThat(node(graph, "a").toolHooksPost()).as("blank means unset, so the graph's applies").isEmpty();
    }

    @Test
    void defaultBlocksApplyToLaterDeclarationsOnly() {
      Graph graph = parse("""
          digraph G {
            early
            node [shape=parallelogram]
            edge [weight=5]
            late
            early -> late
            implicit -> late [weight=1]
          }
          """);
      assertThat(node(graph, "early").shape()).isEqualTo("box");
      assertThat(node(graph, "late").shape()).isEqualTo("parallelogram");
      assertThat(node(graph, "implicit").shape()).as("nodes created by an edge get the defaults too").isEqualTo("parallelogram");
      assertThat(graph.edges()).extracting(Edge::weight).containsExactly(5L, 1L);
    }

    @Test
    void explicitAttributesOverrideDefaultsAndLaterDeclarationsMerge() {
      Graph graph = parse("""
          digraph G {
            node [shape=box, timeout=60s]
            a [shape=diamond]
            a [label="A", timeout=5m]
          }
          """);
      Node a = node(graph, "a");
      assertThat(a.shape()).isEqualTo("diamond");
      assertThat(a.label()).isEqualTo("A");
      assertThat(a.timeout()).contains(Duration.ofMinutes(5));
      assertThat(a.position().line()).as("position of the first declaration").isEqualTo(3);
    }

    @Test
    void subgraphDefaultsAreScopedAndNestedSubgraphsInherit() {
      Graph graph = parse("""
          digraph G {
            node [llm_provider=openai]
            subgraph outer {
              label = "Outer Loop"
              node [llm_model=gpt]
              subgraph inner {
                graph [label="Inner Step"]
                node [reasoning_effort=low]
                deep
              }
              mid
            }
            top
          }
          """);
      Node deep = node(graph, "deep");
      assertThat(deep.llmProvider()).contains("openai");
      assertThat(deep.llmModel()).contains("gpt");
      assertThat(deep.reasoningEffort()).isEqualTo("low");
      assertThat(deep.derivedClasses()).containsExactly("inner-step", "outer-loop");
      Node mid = node(graph, "mid");
      assertThat(mid.reasoningEffort()).as("inner defaults end with the inner subgraph").isEqualTo("high");
      assertThat(mid.derivedClasses()).containsExactly("outer-loop");
      assertThat(node(graph, "top").llmModel()).isEmpty();
    }

    @Test
    void subgraphLabelMayFollowItsNodesAndAnonymousSubgraphsAreFlattened() {
      Graph graph = parse("""
          digraph G {
            subgraph cluster_x { a -> b; label="Review & Fix (2)" }
            { rank=same; c; d }
          }
          """);
      assertThat(node(graph, "a").derivedClasses()).containsExactly("review--fix-2");
      assertThat(node(graph, "c").derivedClasses()).isEmpty();
      assertThat(graph.edges()).hasSize(1);
      assertThat(graph.attributes().has("rank")).as("subgraph attributes stay in the subgraph").isFalse();
    }

    @Test
    void classAttributeIsSplitOnCommasAndJoinedWithDerivedClasses() {
      Graph graph = parse("""
          digraph G {
            subgraph s { label="Loop A"; review [class="code, critical"] }
          }
          """);
      assertThat(node(graph, "review").classes()).containsExactly("code", "critical", "loop-a");
    }

    @Test
    void commentsAreStripped() {
      Graph graph = parse("""
          // leading comment
          digraph G { /* block
             comment spanning lines */
            a [label="not // a comment", prompt="nor /* this */"] // trailing
            /* between */ a -> b /* inside */ [label=/* here */"x"]
          }
          """);
      assertThat(node(graph, "a").label()).isEqualTo("not // a comment");
      assertThat(node(graph, "a").prompt()).isEqualTo("nor /* this */");
      assertThat(graph.edges().getFirst().label()).isEqualTo("x");
    }

    @Test
    void multiLineAttributeBlocksWithTrailingComma() {
      Graph graph = parse("""
          digraph G {
            a [
              label="A",
              prompt="do it",
            ]
          }
          """);
      assertThat(node(graph, "a").attributes().keys()).containsExactly("label", "prompt");
    }

    @Test
    void consecutiveAttributeBlocksMerge() {
      Graph graph = parse("digraph G { a [label=\"A\"][shape=diamond] }");
      assertThat(node(graph, "a").shape()).isEqualTo("diamond");
      assertThat(node(graph, "a").label()).isEqualTo("A");
    }

    @Test
    void byteOrderMarkIsIgnored() {
      assertThat(parse("\uFEFFdigraph G { a }").nodes()).hasSize(1);
    }

    @Test
    void crlfLineEndingsCountAsOneLine() {
      Graph graph = parse("digraph G {\r\n  a\r\n  b [label=\"B\"]\r\n}\r\n");
      assertThat(node(graph, "b").position().line()).isEqualTo(3);
      assertThat(node(graph, "b").position().column()).isEqualTo(3);
    }
  }

  @Nested
  class Values {
    @Test
    void quotedStringsDecodeEscapesAndKeepLiteralNewlines() {
      Graph graph = parse("digraph G { a [prompt=\"say \\\"hi\\\"\\n\\ttab \\\\ done\", label=\"line1\nline2\"] }");
      assertThat(node(graph, "a").prompt()).isEqualTo("say \"hi\"\n\ttab \\ done");
      assertThat(node(graph, "a").label()).isEqualTo("line1\nline2");
    }

    @Test
    void graphvizEscapesAreKeptAndLineContinuationsRemoved() {
      Graph graph = parse("digraph G { a [label=\"left\\lright\\N\", prompt=\"one \\\ntwo\"] }");
      assertThat(node(graph, "a").label()).isEqualTo("left\\lright\\N");
      assertThat(node(graph, "a").prompt()).isEqualTo("one two");
    }

    @Test
    void stringConcatenationWithPlus() {
      Graph graph = parse("digraph G { a [prompt=\"first \" + \"second\"] }");
      assertThat(node(graph, "a").prompt()).isEqualTo("first second");
    }

    @Test
    void unquotedValuesAreTypedBySyntax() {
      Graph graph = parse("digraph G { a [i=42, n=-1, z=0, f=0.5, g=-3.14, h=.5, t=true, u=false, d=250ms, bare=gpt-5.2:latest] }");
      var attributes = node(graph, "a").attributes();
      assertThat(attributes.get("i")).contains(new IntegerValue(42, "42"));
      assertThat(attributes.get("n")).contains(new IntegerValue(-1, "-1"));
      assertThat(attributes.get("z")).contains(new IntegerValue(0, "0"));
      assertThat(attributes.get("f")).contains(new FloatValue(0.5, "0.5"));
      assertThat(attributes.get("g")).contains(new FloatValue(-3.14, "-3.14"));
      assertThat(attributes.get("h")).contains(new FloatValue(0.5, ".5"));
      assertThat(attributes.get("t")).contains(new BooleanValue(true));
      assertThat(attributes.get("u")).contains(new BooleanValue(false));
      assertThat(attributes.get("d")).contains(new DurationValue(Duration.ofMillis(250), "250ms"));
      assertThat(attributes.get("bare")).contains(new StringValue("gpt-5.2:latest"));
    }

    @Test
    void everyDurationUnit() {
      Graph graph = parse("digraph G { a [ms=250ms, s=900s, m=15m, h=2h, d=1d] }");
      var attributes = node(graph, "a").attributes();
      assertThat(attributes.duration("ms")).contains(Duration.ofMillis(250));
      assertThat(attributes.duration("s")).contains(Duration.ofSeconds(900));
      assertThat(attributes.duration("m")).contains(Duration.ofMinutes(15));
      assertThat(attributes.duration("h")).contains(Duration.ofHours(2));
      assertThat(attributes.duration("d")).contains(Duration.ofDays(1));
    }

    @Test
    void documentedAttributesAreConvertedToTheirDeclaredType() {
      Graph graph = parse("""
          digraph G {
            default_max_retries = "2"
            a [timeout="900s", max_retries="3", goal_gate="true", label=42, prompt=true]
            a -> b [weight="7", loop_restart="false"]
          }
          """);
      Node a = node(graph, "a");
      assertThat(a.timeout()).contains(Duration.ofSeconds(900));
      assertThat(a.maxRetries()).hasValue(3);
      assertThat(a.goalGate()).isTrue();
      assertThat(a.attributes().get("label")).contains(new StringValue("42"));
      assertThat(a.prompt()).isEqualTo("true");
      assertThat(graph.defaultMaxRetries()).isEqualTo(2);
      assertThat(graph.edges().getFirst().weight()).isEqualTo(7);
      assertThat(graph.edges().getFirst().attributes().get("loop_restart")).contains(new BooleanValue(false));
    }

    @Test
    void valuesThatDoNotFitTheirDeclaredTypeAreKeptForTheLinter() {
      Graph graph = parse("digraph G { a [max_retries=\"three\", timeout=soon] }");
      Node a = node(graph, "a");
      assertThat(a.maxRetries()).isEmpty();
      assertThat(a.attributes().get("max_retries")).contains(new StringValue("three"));
      assertThat(a.timeout()).isEmpty();
    }

    @Test
    void unknownAttributesAreKept() {
      Graph graph = parse("digraph G { a [model=\"gpt-5\", my.custom.key=1] }");
      assertThat(node(graph, "a").attributes().text("model")).contains("gpt-5");
      assertThat(node(graph, "a").attributes().integer("my.custom.key")).hasValue(1);
    }

    @Test
    void legacyDefaultMaxRetryAlias() {
      assertThat(parse("digraph G { default_max_retry=4 }").defaultMaxRetries()).isEqualTo(4);
      assertThat(parse("digraph G { default_max_retry=4; default_max_retries=1 }").defaultMaxRetries()).isEqualTo(1);
    }

    @Test
    void attributePositionsPointAtTheValue() {
      Graph graph = parse("digraph G {\n  a [label=\"A\", condition_like=\"x\"]\n}");
      assertThat(node(graph, "a").attributes().attribute("label").orElseThrow().position().column()).isEqualTo(12);
    }

    @Test
    void edgePositionPointsAtTheTarget() {
      Graph graph = parse("digraph G {\n  a -> b -> c\n}");
      assertThat(graph.edges()).extracting(e -> e.position().column()).containsExactly(8, 13);
    }
  }

  @Test
  void derivedClassFollowsTheSpecRule() {
    assertThat(GraphAssembly.deriveClass("Loop A")).isEqualTo("loop-a");
    assertThat(GraphAssembly.deriveClass("  Fast_Path #1 ")).isEqualTo("fastpath-1");
    assertThat(GraphAssembly.deriveClass("")).isEmpty();
  }

  @Test
  void startAndExitResolutionFallsBackToIds() {
    Graph graph = parse("digraph G { Start -> work -> end }");
    assertThat(graph.startNode()).map(Node::id).contains("Start");
    assertThat(graph.exitNodes()).extracting(Node::id).containsExactly("end");
    Graph shaped = parse("digraph G { begin [shape=Mdiamond]; start; finish [shape=Msquare]; exit }");
    assertThat(shaped.startNodes()).extracting(Node::id).as("shape wins over the id").containsExactly("begin");
    assertThat(shaped.exitNodes()).extracting(Node::id).containsExactly("finish");
    assertThat(List.of(shaped.isExit(node(shaped, "exit")), shaped.isExit(node(shaped, "finish")))).containsExactly(false, true);
  }
}
