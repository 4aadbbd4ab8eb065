package dev.darkfactory.pipeline.dot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.darkfactory.pipeline.problem.DotSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every parse error names file:line:column, shows the line with a caret, and says what was expected. */
class DotSyntaxErrorTest {

  static DotSyntaxException error(String dot) {
    DotSyntaxException e = catchThrowableOfType(DotSyntaxException.class, () -> DotParser.parse("p.dot", dot));
    assertThat(e).as("expected a syntax error for: %s", dot).isNotNull();
    return e;
  }

  @Test
  void messageHasPositionLineAndCaret() {
    DotSyntaxException e = error("digraph G {\n  start [shape]\n}");
    assertThat(e.position().toString()).isEqualTo("p.dot:2:15");
    assertThat(e.problem()).isEqualTo("expected '=' after attribute name 'shape', found ']' (write shape=<value>)");
    assertThat(e.getMessage()).isEqualTo("""
        p.dot:2:15: expected '=' after attribute name 'shape', found ']' (write shape=<value>)
         2 |   start [shape]
           |               ^""");
  }

  @Test
  void caretFollowsTabs() {
    DotSyntaxException e = error("digraph G {\n\t\ta [x=1 y=2]\n}");
    assertThat(e.excerpt()).endsWith("| \t\t       ^");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      empty file                | ``                                        | 1:1  | the file is empty
      only comments             | `// nothing\n/* here */`                  | 2:11 | the file is empty
      strict                    | `strict digraph G {}`                     | 1:1  | strict graphs are not supported
      undirected graph          | `graph G { a -- b }`                      | 1:1  | undirected graphs are not supported
      undirected edge           | `digraph G { a -- b }`                    | 1:15 | undirected edges ('--') are not supported
      undirected in chain       | `digraph G { a -> b -- c }`               | 1:20 | undirected edges ('--') are not supported
      second graph              | `digraph A {} digraph B {}`               | 1:14 | only one graph per file
      nested digraph            | `digraph A { digraph B {} }`              | 1:13 | only one graph per file
      text after graph          | `digraph A {} x`                          | 1:14 | after the closing '}'
      not a digraph             | `hello`                                   | 1:1  | expected 'digraph'
      missing name              | `digraph { a }`                           | 1:9  | expected a graph name
      missing brace             | `digraph G a`                             | 1:11 | expected '{' to open the body
      unclosed graph            | `digraph G { a`                           | 1:14 | the graph is not closed
      unclosed subgraph         | `digraph G { subgraph s { a `             | 1:28 | a subgraph is still open
      missing equals            | `digraph G { a [shape] }`                 | 1:21 | expected '=' after attribute name 'shape'
      missing value             | `digraph G { a [shape=] }`                | 1:22 | expected a value after 'shape='
      missing comma             | `digraph G { a [x=1 y=2] }`               | 1:20 | add ',' before 'y'
      semicolon separator       | `digraph G { a [x=1; y=2] }`              | 1:19 | separated by ','
      unclosed block            | `digraph G { a [x=1`                      | 1:19 | the attribute block is not closed
      quoted node id            | `digraph G { "my node" }`                 | 1:13 | write my_node [label="my node"]
      quoted edge target        | `digraph G { a -> "b c" }`                | 1:18 | not quoted strings
      numeric node id           | `digraph G { 42 }`                        | 1:13 | '42' is not a valid node ID
      dashed node id            | `digraph G { my-node }`                   | 1:13 | write my_node [label="my-node"]
      port                      | `digraph G { a:n -> b }`                  | 1:13 | ports (node:port) are not supported
      keyword node id           | `digraph G { a -> node }`                 | 1:18 | is a DOT keyword
      html label                | `digraph G { a [label=<b>x</b>] }`        | 1:22 | HTML labels
      unterminated string       | `digraph G { a [label="oops] }`           | 1:22 | unterminated string
      unterminated comment      | `digraph G { /* oops }`                   | 1:13 | unterminated comment
      non-ascii id              | `digraph G { café }`                      | 1:16 | identifiers are ASCII
      fractional duration       | `digraph G { a [timeout=1.5h] }`          | 1:24 | invalid duration '1.5h'
      bad number                | `digraph G { a [x=12abc3] }`              | 1:18 | invalid value '12abc3'
      bad key                   | `digraph G { a [9x=1] }`                  | 1:16 | is not a valid attribute name
      edge to subgraph          | `digraph G { a -> { b c } }`              | 1:18 | edges to subgraphs are not supported
      dangling arrow            | `digraph G { a -> }`                      | 1:18 | expected a node ID after '->'
      graph without block       | `digraph G { graph x }`                   | 1:19 | expected '[' to start an attribute block
      plus without string       | `digraph G { a [x="a" + b] }`             | 1:24 | expected a quoted string after '+'
      stray bracket             | `digraph G { ] }`                         | 1:13 | expected a statement
      control character         | `digraph G { a \u0007 }`                  | 1:15 | unexpected control character
      """)
  void reportsWhatWasExpected(String name, String dot, String where, String message) {
    DotSyntaxException e = error(dot.replace("\\n", "\n").replace("\\u0007", "\u0007"));
    assertThat(e.position().line() + ":" + e.position().column()).as(name).isEqualTo(where);
    assertThat(e.getMessage()).as(name).contains(message).startsWith("p.dot:" + where + ": ");
  }

  @Test
  void veryLongLinesAreCutAroundTheError() {
    String filler = "a".repeat(5000);
    DotSyntaxException e = error("digraph G { x [label=\"" + filler + "\" y=1] }");
    String[] lines = e.excerpt().split("\n");
    assertThat(lines[0].length()).isLessThan(130);
    assertThat(lines[0]).contains("...").contains("y=1");
    int caret = lines[1].indexOf('^');
    assertThat(lines[0].charAt(caret)).isEqualTo('y');
  }

  @Test
  void anUnexpectedEmojiIsNamedWholeNotAsHalfASurrogatePair() {
    DotSyntaxException e = error("digraph G { start [shape=Mdiamond]; \uD83D\uDE00 }");
    assertThat(e.problem()).startsWith("unexpected character '\uD83D\uDE00' (U+1F600): identifiers are ASCII letters");
    assertThat(e.getMessage()).doesNotContain("U+D83D").doesNotContain("'?'");
  }

  @Test
  void aLongLineIsNotCutInsideAnEmoji() {
    String emojis = "\uD83D\uDE00".repeat(80);
    DotSyntaxException e = error("digraph G { a [label=\"" + emojis + "\"] b [x=1 y=2] }");
    for (char c : e.excerpt().toCharArray()) {
      if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
        continue;
      }
      assertThat(Character.isSurrogate(c)).isFalse();
    }
    String text = e.excerpt();
    for (int i = 0; i < text.length(); i++) {
      if (Character.isHighSurrogate(text.charAt(i))) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).as("a whole pair at %d", i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(text.charAt(i))).as("a lone low surrogate at %d", i).isFalse();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      max_retries=99999999999999999999 | the number 99999999999999999999 is too large: whole numbers range from -9223372036854775808 to 9223372036854775807
      timeout=99999999999999999h       | the duration 99999999999999999h is too large; use a smaller amount, such as 2h or 7d
      """)
  void aNumberTooLargeSaysSoAndGivesTheRange(String attribute, String problem) {
    DotSyntaxException e = error("digraph G { a [" + attribute + "] }");
    assertThat(e.problem()).isEqualTo(problem);
  }
}
