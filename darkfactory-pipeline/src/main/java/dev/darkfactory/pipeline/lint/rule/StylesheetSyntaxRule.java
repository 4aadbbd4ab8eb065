package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.StylesheetSyntaxException;
import dev.darkfactory.pipeline.stylesheet.StylesheetParser;
import java.util.List;

/**
 * {@code stylesheet_syntax} (ERROR, attractor-spec.md 7.2): the graph's {@code model_stylesheet}
 * parses under 8.2 and sets only the properties and values of 8.4. The diagnostic points at the
 * offending token inside the stylesheet.
 */
public final class StylesheetSyntaxRule implements LintRule {
  public static final String NAME = "stylesheet_syntax";
  private static final String KEY = "model_stylesheet";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    Attribute stylesheet = graph.attributes().attribute(KEY).orElse(null);
    if (stylesheet == null) {
      return List.of();
    }
    try {
      StylesheetParser.parse(stylesheet.value().text());
      return List.of();
    } catch (StylesheetSyntaxException invalid) {
      return List.of(Diagnostic.error(NAME, "invalid model_stylesheet: " + invalid.problem())
          .fix("write rules of the form selector { property: value; } (attractor-spec.md 8.2), as in"
              + " .code { llm_model: claude-opus-4-6; reasoning_effort: high; }")
          .at(Where.inside(stylesheet, invalid.offset(), graph.position()))
          .build());
    }
  }
}
