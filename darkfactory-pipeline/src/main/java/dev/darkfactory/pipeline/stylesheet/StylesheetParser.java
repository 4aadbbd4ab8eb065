package dev.darkfactory.pipeline.stylesheet;

import dev.darkfactory.pipeline.graph.AttributeScope;
import dev.darkfactory.pipeline.graph.KnownAttributes;
import dev.darkfactory.pipeline.graph.Spelling;
import dev.darkfactory.pipeline.graph.ValueSyntax;
import dev.darkfactory.pipeline.source.QuotedString;
import dev.darkfactory.pipeline.problem.StylesheetSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A hand-written parser for the stylesheet grammar of attractor-spec.md 8.2:
 *
 * <pre>
 * Stylesheet    ::= Rule+
 * Rule          ::= Selector '{' Declaration ( ';' Declaration )* ';'? '}'
 * Selector      ::= '*' | ShapeName | '#' Identifier | '.' ClassName
 * ClassName     ::= [a-z0-9-]+
 * Declaration   ::= Property ':' PropertyValue
 * PropertyValue ::= String | BareValue
 * </pre>
 *
 * <p>Whitespace, newlines included, may surround every token. Properties and values are checked
 * against 8.4 here, so a misspelt {@code llm_modle} is an error with a suggestion rather than a rule
 * that silently sets nothing. A blank text is the empty stylesheet: {@code model_stylesheet=""}
 * means "unset".
 */
public final class StylesheetParser {
  private final String text;
  private int pos;

  private StylesheetParser(String text) {
    this.text = text;
  }

  /**
   * Parses a stylesheet.
   *
   * @throws StylesheetSyntaxException with the offset of the offending token and what was expected
   */
  public static Stylesheet parse(String text) throws StylesheetSyntaxException {
    return new StylesheetParser(text).stylesheet();
  }

  private Stylesheet stylesheet() {
    List<Rule> rules = new ArrayList<>();
    skipSpaces();
    while (!atEnd()) {
      rules.add(rule());
      skipSpaces();
    }
    return new Stylesheet(text, rules);
  }

  private Rule rule() {
    int start = pos;
    Selector selector = selector();
    skipSpaces();
    if (!looksAt('{')) {
      throw error(pos, "expected '{' after the selector '" + selector.text() + "', found " + found() + combinedSelectorHint());
    }
    int open = pos;
    pos++;
    List<Declaration> declarations = new ArrayList<>();
    skipSpaces();
    if (looksAt('}')) {
      throw error(pos, "empty rule for '" + selector.text() + "': add a declaration such as llm_model: <model>, or remove the rule");
    }
    while (true) {
      declarations.add(declaration());
      skipSpaces();
      if (looksAt(';')) {
        pos++;
        skipSpaces();
        if (looksAt('}')) {
          pos++;
          return new Rule(selector, declarations, start);
        }
        continue;
      }
      if (looksAt('}')) {
        pos++;
        return new Rule(selector, declarations, start);
      }
      if (atEnd()) {
        throw error(pos, "expected '}' to close the rule for '" + selector.text() + "' opened at offset " + open);
      }
      throw error(pos, "expected ';' or '}' after the value of " + declarations.getLast().property().key() + ", found " + found());
    }
  }

  private String combinedSelectorHint() {
    if (looksAt('.') || looksAt('#') || looksAt(',') || ValueSyntax.isIdentifierStart(peek())) {
      return "; combined and grouped selectors are not supported (attractor-spec.md 8.2): write one rule per selector";
    }
    return "";
  }

  private Selector selector() {
    char c = peek();
    if (c == '*') {
      pos++;
      return new Selector.Universal();
    }
    if (c == '#') {
      pos++;
      String id = identifier();
      if (id.isEmpty()) {
        throw error(pos, "expected a node ID after '#', found " + found());
      }
      return new Selector.NodeId(id);
    }
    if (c == '.') {
      pos++;
      return new Selector.ClassName(className());
    }
    if (ValueSyntax.isIdentifierStart(c)) {
      return new Selector.ShapeName(identifier());
    }
    throw error(pos, "expected a selector (*, a shape name such as box, .class or #node_id), found " + found());
  }

  /** {@code ClassName ::= [a-z0-9-]+}, the form subgraph labels derive (2.10). */
  private String className() {
    int start = pos;
    while (!atEnd() && (isClassChar(peek()) || ValueSyntax.isIdentifierPart(peek()))) {
      pos++;
    }
    String written = text.substring(start, pos);
    if (written.isEmpty()) {
      throw error(pos, "expected a class name after '.', found " + found());
    }
    for (int i = 0; i < written.length(); i++) {
      if (!isClassChar(written.charAt(i))) {
        String suggestion = written.toLowerCase(Locale.ROOT).replace('_', '-');
        throw error(start + i, "class names are lowercase letters, digits and hyphens ([a-z0-9-]+, attractor-spec.md 8.2):"
            + " write ." + suggestion + " and class=\"" + suggestion + "\" on the nodes");
      }
    }
    return written;
  }

  private static boolean isClassChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private Declaration declaration() {
    int start = pos;
    while (!atEnd() && (ValueSyntax.isIdentifierPart(peek()) || peek() == '-' || peek() == '.')) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (name.isEmpty()) {
      throw error(pos, "expected a property (" + StyleProperty.names() + "), found " + found());
    }
    StyleProperty property = StyleProperty.fromKey(name).orElseThrow(() -> error(start, unknownProperty(name)));
    skipSpaces();
    if (!looksAt(':')) {
      String hint = looksAt('=') ? " (declarations are written property: value)" : "";
      throw error(pos, "expected ':' after the property " + name + ", found " + found() + hint);
    }
    pos++;
    skipSpaces();
    int valueStart = pos;
    String value = value(property);
    if (!property.accepts(value)) {
      throw error(valueStart, disallowedValue(property, value));
    }
    return new Declaration(property, value, start, valueStart);
  }

  private static String unknownProperty(String name) {
    Optional<String> suggestion = KnownAttributes.suggest(AttributeScope.NODE, name)
        .filter(key -> StyleProperty.fromKey(key).isPresent())
        .or(() -> Spelling.closest(name.replace('-', '_'), List.of("llm_model", "llm_provider", "reasoning_effort")));
    String didYouMean = suggestion.map(s -> " (did you mean " + s + "?)").orElse("");
    return "unknown property '" + name + "'" + didYouMean + ": a stylesheet sets only " + StyleProperty.names()
        + " (attractor-spec.md 8.4)";
  }

  private static String disallowedValue(StyleProperty property, String value) {
    String allowed = String.join(", ", property.allowedValues());
    String didYouMean = Spelling.closest(value, property.allowedValues()).map(s -> " (did you mean " + s + "?)").orElse("");
    return property.key() + " must be one of " + allowed + ", found '" + value + "'" + didYouMean;
  }

  /** {@code PropertyValue ::= String | BareValue}. */
  private String value(StyleProperty property) {
    if (atEnd() || looksAt(';') || looksAt('}')) {
      throw error(pos, "expected a value after '" + property.key() + ":', found " + found());
    }
    if (looksAt('"')) {
      int quote = pos;
      String value = string();
      if (value.isBlank()) {
        throw error(quote, "empty value for " + property.key() + ": remove the declaration to leave it unset");
      }
      return value;
    }
    int start = pos;
    while (!atEnd() && !Character.isWhitespace(peek()) && !looksAt(';') && !looksAt('}')) {
      pos++;
    }
    String written = text.substring(start, pos);
    if (!ValueSyntax.isBareValue(written)) {
      throw error(start, "'" + written + "' must be quoted: unquoted values are letters, digits, '_', '.', ':' and '-',"
          + " starting with a letter; write \"" + written + "\"");
    }
    return written;
  }

  private String string() {
    return switch (QuotedString.scan(text, pos)) {
      case QuotedString.Scanned scanned -> {
        pos = scanned.end();
        yield scanned.value();
      }
      case QuotedString.Malformed malformed -> throw error(malformed.offset(), malformed.problem());
    };
  }

  private String identifier() {
    int start = pos;
    if (!ValueSyntax.isIdentifierStart(peek())) {
      return "";
    }
    while (!atEnd() && ValueSyntax.isIdentifierPart(peek())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String found() {
    return atEnd() ? "the end of the stylesheet" : "'" + peek() + "'";
  }

  private boolean looksAt(char c) {
    return !atEnd() && text.charAt(pos) == c;
  }

  private char peek() {
    return atEnd() ? '\0' : text.charAt(pos);
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private StylesheetSyntaxException error(int offset, String problem) {
    return new StylesheetSyntaxException(text, offset, problem);
  }
}
