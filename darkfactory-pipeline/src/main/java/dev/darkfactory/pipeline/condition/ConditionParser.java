package dev.darkfactory.pipeline.condition;

import dev.darkfactory.pipeline.condition.Clause.Comparison;
import dev.darkfactory.pipeline.condition.Clause.Truthiness;
import dev.darkfactory.pipeline.graph.ValueSyntax;
import dev.darkfactory.pipeline.source.QuotedString;
import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written parser for the condition language of attractor-spec.md 10.2:
 *
 * <pre>
 * ConditionExpr ::= Clause ( '&&' Clause )*
 * Clause        ::= Key Operator Literal | Key
 * Key           ::= 'outcome' | 'preferred_label' | 'context.' Path | Path
 * Operator      ::= '=' | '!='
 * Literal       ::= String | Integer | Boolean | BareLiteral
 * </pre>
 *
 * <p>The bare {@code Key} clause (a truthiness test) and the unqualified {@code Path} key come from
 * 10.4 and 10.5. Whitespace may surround every token. The grammar is applied strictly, unlike the
 * string-splitting sketch of 10.5, so a typo such as {@code outcome==success} is an error with a
 * hint instead of a condition that silently never matches.
 */
public final class ConditionParser {
  private final String text;
  private int pos;

  private ConditionParser(String text) {
    this.text = text;
  }

  /**
   * Parses a condition; an empty or blank expression is {@link Condition#ALWAYS}.
   *
   * @throws ConditionSyntaxException with the offset of the offending token and what was expected
   */
  public static Condition parse(String expression) throws ConditionSyntaxException {
    return new ConditionParser(expression).expression();
  }

  private Condition expression() {
    skipSpaces();
    if (atEnd()) {
      return new Condition(text, List.of());
    }
    List<Clause> clauses = new ArrayList<>();
    while (true) {
      clauses.add(clause());
      skipSpaces();
      if (atEnd()) {
        return new Condition(text, clauses);
      }
      if (!looksAt("&&")) {
        throw afterClause();
      }
      int and = pos;
      pos += 2;
      skipSpaces();
      if (atEnd()) {
        throw error(and, "empty clause: '&&' must be followed by another clause; remove the trailing '&&'");
      }
    }
  }

  private Clause clause() {
    int start = pos;
    rejectBeforeKey();
    ConditionKey key = key();
    skipSpaces();
    if (atEnd() || looksAt("&&")) {
      return new Truthiness(key, start);
    }
    Operator operator = operator(key);
    skipSpaces();
    int literalStart = pos;
    Literal literal = literal(operator);
    return new Comparison(key, operator, literal, start, literalStart);
  }

  private void rejectBeforeKey() {
    if (looksAt("&&")) {
      throw error(pos, "empty clause: expected a clause before '&&'");
    }
    if (looksAt("!=") || looksAt("=")) {
      throw error(pos, "expected a key before '" + (looksAt("!=") ? "!=" : "=") + "' (outcome, preferred_label or context.<name>)");
    }
    if (looksAt("!")) {
      throw error(pos, "negation '!' is not supported (attractor-spec.md 10.7): compare with '!=' instead, as in context.flag!=true");
    }
    if (looksAt("\"")) {
      throw error(pos, "expected a key, found a quoted string: keys (outcome, preferred_label, context.<name>) are written without quotes");
    }
    if (!ValueSyntax.isIdentifierStart(peek())) {
      throw error(pos, "expected a key (outcome, preferred_label or context.<name>), found " + found());
    }
  }

  private ConditionKey key() {
    int start = pos;
    while (!atEnd() && (ValueSyntax.isIdentifierPart(peek()) || peek() == '.')) {
      pos++;
    }
    String word = text.substring(start, pos);
    rejectNotPrefix(word, start);
    checkPath(word, start);
    return switch (word) {
      case "outcome" -> new ConditionKey.OutcomeStatus();
      case "preferred_label" -> new ConditionKey.PreferredLabel();
      default -> word.startsWith("context.")
          ? new ConditionKey.ContextValue(word.substring("context.".length()), true)
          : new ConditionKey.ContextValue(word, false);
    };
  }

  /** {@code not x}: a reader of other languages would expect negation. */
  private void rejectNotPrefix(String word, int start) {
    String lower = word.toLowerCase(Locale.ROOT);
    int save = pos;
    skipSpaces();
    boolean followedByKey = !atEnd() && ValueSyntax.isIdentifierStart(peek());
    pos = save;
    if (lower.equals("not") && followedByKey) {
      throw error(start, "negation '" + word + "' is not supported (attractor-spec.md 10.7): compare with '!=' instead, as in context.flag!=true");
    }
  }

  /** {@code Path ::= Identifier ( '.' Identifier )*}: no empty parts, none starting with a digit. */
  private void checkPath(String word, int start) {
    int segmentStart = 0;
    for (int i = 0; i <= word.length(); i++) {
      if (i < word.length() && word.charAt(i) != '.') {
        continue;
      }
      if (i == segmentStart) {
        String problem = word.equals("context.")
            ? "expected a name after 'context.', as in context.tests_passed"
            : "key '" + word + "' has an empty part: keys are names separated by single dots, as in context.review.status";
        throw error(start + i, problem);
      }
      if (!ValueSyntax.isIdentifierStart(word.charAt(segmentStart))) {
        throw error(start + segmentStart, "key '" + word + "' has a part starting with a digit: each part must be an identifier");
      }
      segmentStart = i + 1;
    }
  }

  private Operator operator(ConditionKey key) {
    if (looksAt("==")) {
      throw error(pos, "'==' is not an operator: use '=' for equality, as in " + key.text() + "=value");
    }
    if (looksAt("!=")) {
      pos += 2;
      return Operator.NOT_EQUALS;
    }
    if (looksAt("=")) {
      pos += 1;
      return Operator.EQUALS;
    }
    if (looksAt("<") || looksAt(">")) {
      String op = looksAt("<=") || looksAt(">=") ? text.substring(pos, pos + 2) : text.substring(pos, pos + 1);
      throw error(pos, "'" + op + "' is not supported (attractor-spec.md 10.7): only '=' and '!=' compare values");
    }
    if (looksAt("||")) {
      throw orNotSupported(pos, "||");
    }
    if (looksAt("!")) {
      throw error(pos, "expected '!=' but found '!' alone: write " + key.text() + "!=value");
    }
    if (ValueSyntax.isIdentifierStart(peek())) {
      int start = pos;
      String word = word();
      pos = start;
      String lower = word.toLowerCase(Locale.ROOT);
      if (lower.equals("or")) {
        throw orNotSupported(start, word);
      }
      if (lower.equals("and")) {
        throw error(start, "'" + word + "' is not an operator: join clauses with '&&'");
      }
      if (lower.equals("contains") || lower.equals("matches") || lower.equals("in") || lower.equals("is") || lower.equals("not")) {
        throw error(start, "'" + word + "' is not supported (attractor-spec.md 10.7): only '=' and '!=' compare values");
      }
    }
    throw error(pos, "expected '=', '!=', '&&' or the end of the condition after key '" + key.text() + "', found " + found());
  }

  private Literal literal(Operator operator) {
    if (atEnd() || looksAt("&&")) {
      throw error(pos, "expected a value after '" + operator.symbol() + "' (a quoted string, an integer, true, false or a bare word"
          + " such as success); to compare with the empty string write \"\"");
    }
    char c = peek();
    if (c == '"') {
      return new Literal.Text(string());
    }
    if (c == '=') {
      throw error(pos, "'==' is not an operator: use '=' for equality");
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (ValueSyntax.isIdentifierStart(c)) {
      String word = bareLiteral();
      return switch (word) {
        case "true" -> new Literal.Bool(true);
        case "false" -> new Literal.Bool(false);
        default -> new Literal.Bare(word);
      };
    }
    throw error(pos, "expected a value after '" + operator.symbol() + "' (a quoted string, an integer, true, false or a bare word"
        + " such as success), found " + found());
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

  /** {@code Integer ::= '-'? [0-9]+}; anything else starting with a digit must be quoted. */
  private Literal number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (!atEnd() && peek() >= '0' && peek() <= '9') {
      pos++;
    }
    if (pos == digits || (!atEnd() && isLiteralPart(peek()))) {
      while (!atEnd() && isLiteralPart(peek())) {
        pos++;
      }
      String written = text.substring(start, pos);
      throw error(start, "'" + written + "' is not a valid value: unquoted values are integers or words starting with a letter;"
          + " quote it: \"" + written + "\"");
    }
    return new Literal.Number(text.substring(start, pos));
  }

  /** {@code BareLiteral ::= [A-Za-z_][A-Za-z0-9_.:-]*}. */
  private String bareLiteral() {
    int start = pos;
    while (!atEnd() && isLiteralPart(peek())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isLiteralPart(char c) {
    return ValueSyntax.isIdentifierPart(c) || c == '.' || c == ':' || c == '-';
  }

  /** What follows a complete clause when it is neither {@code &&} nor the end. */
  private ConditionSyntaxException afterClause() {
    if (looksAt("||")) {
      return orNotSupported(pos, "||");
    }
    if (looksAt("&")) {
      return error(pos, "expected '&&' but found a single '&': clauses are joined with '&&'");
    }
    if (looksAt("==") || looksAt("=")) {
      return error(pos, "unexpected '=' after the value: a clause compares one key with one value");
    }
    if (ValueSyntax.isIdentifierStart(peek())) {
      String word = word();
      pos -= word.length();
      String lower = word.toLowerCase(Locale.ROOT);
      if (lower.equals("or")) {
        return orNotSupported(pos, word);
      }
      if (lower.equals("and")) {
        return error(pos, "'" + word + "' is not an operator: join clauses with '&&'");
      }
      return error(pos, "expected '&&' or the end of the condition, found '" + word + "'; a value containing spaces"
          + " must be quoted, as in preferred_label=\"Fix it\"");
    }
    return error(pos, "expected '&&' or the end of the condition, found " + found());
  }

  private ConditionSyntaxException orNotSupported(int at, String written) {
    return error(at, "'" + written + "' (or) is not supported (attractor-spec.md 10.7): use two edges, one for each alternative");
  }

  private String word() {
    int start = pos;
    while (!atEnd() && ValueSyntax.isIdentifierPart(peek())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String found() {
    if (atEnd()) {
      return "the end of the condition";
    }
    return "'" + text.charAt(pos) + "'";
  }

  private boolean looksAt(String token) {
    return text.startsWith(token, pos);
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

  private ConditionSyntaxException error(int offset, String problem) {
    return new ConditionSyntaxException(text, offset, problem);
  }
}
