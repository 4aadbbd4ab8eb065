package dev.darkfactory.pipeline.dot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.report.GraphJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style tests with seeded generators: written graphs parse back to themselves, and
 * mutated sources yield a graph or a positioned {@link DotSyntaxException}, never anything else.
 */
class DotParserPropertyTest {
  private static final String[] CORPUS = {
    """
    digraph Branch {
        graph [goal="Implement and validate a feature"]
        rankdir=LR
        node [shape=box, timeout="900s"]
        start     [shape=Mdiamond, label="Start"]
        exit      [shape=Msquare, label="Exit"]
        plan      [label="Plan", prompt="Plan the implementation"]
        subgraph cluster_loop { label = "Loop A"; implement [max_retries=2] }
        gate      [shape=diamond, label="Tests passing?"]
        start -> plan -> implement -> gate
        gate -> exit      [label="Yes", condition="outcome=success"]
        gate -> implement [label="No", condition="outcome!=success", weight=-1]
    }
    """,
    """
    // comment
    digraph Review { /* block */
        start [shape=Mdiamond]; exit [shape=Msquare];
        review_gate [shape=hexagon, label="Review\\nChanges", human.default_choice=ship_it]
        start -> review_gate
        review_gate -> ship_it [label="[A] Approve"]
        review_gate -> fixes   [label="[F] Fix", fidelity=summary:high]
        ship_it -> exit; fixes -> review_gate
    }
    """,
  };

  private static final String MUTATION_ALPHABET = "{}[]=;,\"-> \n/*\\+.:<abcXYZ019_é\t\r";

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void writtenGraphsParseBackToEqualGraphs(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 50; round++) {
      Graph original = randomGraph(random);
      String dot = DotWriter.write(original);
      Graph parsed = DotParser.parse("roundtrip.dot", dot);
      assertThat(GraphJson.of(parsed)).as("seed %d round %d:\n%s", seed, round, dot).isEqualTo(GraphJson.of(original));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void mutatedSourcesGiveAGraphOrAPositionedSyntaxError(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 300; round++) {
      String source = mutate(CORPUS[random.nextInt(CORPUS.length)], random, 1 + random.nextInt(6));
      int lines = source.split("\n", -1).length;
      try {
        DotParser.parse("mutant.dot", source);
      } catch (DotSyntaxException e) {
        assertThat(e.position().line()).as("line of %s", e.getMessage()).isBetween(1, lines);
        assertThat(e.position().column()).isPositive();
        assertThat(e.problem()).isNotBlank();
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + " round " + round + " threw " + e + " for:\n" + source, e);
      }
    }
  }

  private static String mutate(String source, Random random, int mutations) {
    StringBuilder text = new StringBuilder(source);
    for (int i = 0; i < mutations; i++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(4)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, MUTATION_ALPHABET.charAt(random.nextInt(MUTATION_ALPHABET.length())));
        case 2 -> text.setCharAt(at, MUTATION_ALPHABET.charAt(random.nextInt(MUTATION_ALPHABET.length())));
        default -> {
          int end = Math.min(text.length(), at + random.nextInt(20));
          text.insert(random.nextInt(text.length()), text.substring(at, end));
        }
      }
    }
    return text.toString();
  }

  private static Graph randomGraph(Random random) {
    int count = 1 + random.nextInt(12);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(Node.of("n" + i + (random.nextBoolean() ? "_x" : ""), randomAttributes(random)));
    }
    List<Edge> edges = new ArrayList<>();
    int edgeCount = random.nextInt(count * 2 + 1);
    for (int i = 0; i < edgeCount; i++) {
      String from = nodes.get(random.nextInt(count)).id();
      String to = nodes.get(random.nextInt(count)).id();
      edges.add(Edge.of(from, to, randomAttributes(random)));
    }
    return Graph.of("G" + random.nextInt(100), randomAttributes(random), nodes, edges);
  }

  private static Attributes randomAttributes(Random random) {
    List<Attribute> attributes = new ArrayList<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String key = random.nextInt(4) == 0 ? "custom.key_" + i : "k" + i;
      attributes.add(Attribute.of(key, randomValue(random)));
    }
    return Attributes.of(attributes);
  }

  private static AttributeValue randomValue(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> new AttributeValue.StringValue(randomText(random));
      case 1 -> AttributeValue.IntegerValue.of(random.nextLong(-1_000_000, 1_000_000));
      case 2 -> new AttributeValue.FloatValue(Double.parseDouble("-1.25"), "-1.25");
      case 3 -> new AttributeValue.BooleanValue(random.nextBoolean());
      case 4 -> new AttributeValue.DurationValue(Duration.ofMinutes(15), "15m");
      default -> new AttributeValue.StringValue("");
    };
  }

  private static String randomText(Random random) {
    String alphabet = "abc XYZ \"quoted\" back\\slash\nnew line\ttab {braces} [x=y], ->; é ☕ $goal";
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(30);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
