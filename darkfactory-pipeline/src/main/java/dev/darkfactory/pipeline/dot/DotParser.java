package dev.darkfactory.pipeline.dot;

import dev.darkfactory.pipeline.dot.Token.Kind;
import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeScope;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.KnownAttributes;
import dev.darkfactory.pipeline.graph.ValueSyntax;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.source.SourcePosition;
import dev.darkfactory.pipeline.source.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written parser for the DOT subset of attractor-spec.md 2.2.
 *
 * <p>Subgraph nesting is tracked with an explicit stack of {@link Scope}s rather than recursion,
 * so no input, however deeply nested, can overflow the call stack. The first error stops the
 * parse with a {@link DotSyntaxException} that names file, line and column and says what was
 * expected.
 */
public final class DotParser {
  /**
   * Deeper nesting is refused: real pipelines nest a few levels, and a node's derived classes grow
   * with the number of labelled subgraphs around it, so unbounded depth means unbounded memory.
   */
  public static final int MAX_SUBGRAPH_DEPTH = 1000;

  private final SourceText source;
  private final SyntaxErrors errors;
  private final DotLexer lexer;
  private final GraphAssembly assembly;
  private Token current;
  private Token lookahead;

  private DotParser(SourceText source) {
    this.source = source;
    this.errors = new SyntaxErrors(source);
    this.lexer = new DotLexer(source.content(), errors);
    this.assembly = new GraphAssembly();
  }

  /** Parses one pipeline. */
  public static Graph parse(SourceText source) throws DotSyntaxException {
    return new DotParser(source).parseGraph();
  }

  /** Parses one pipeline given as a string; {@code name} is used in error positions. */
  public static Graph parse(String name, String content) throws DotSyntaxException {
    return parse(new SourceText(name, content));
  }

  private Graph parseGraph() {
    advance();
    SourcePosition graphPosition = errors.position(current);
    expectGraphHeader();
    String name = graphName();
    expect(Kind.LBRACE, "'{' to open the body of digraph " + name);
    Scope scope = Scope.root();
    while (scope != null) {
      scope = statement(scope);
    }
    expectEndOfFile();
    return assembly.build(name, graphPosition);
  }

  private void expectGraphHeader() {
    if (current.is(Kind.EOF)) {
      throw errors.at(current, "the file is empty: a pipeline starts with 'digraph Name {'");
    }
    if (current.isWord("strict")) {
      throw errors.at(current, "strict graphs are not supported (attractor-spec.md 2.3): remove 'strict'");
    }
    if (current.isWord("graph")) {
      throw errors.at(current, "undirected graphs are not supported (attractor-spec.md 2.3): write 'digraph' instead of 'graph'");
    }
    if (!current.isWord("digraph")) {
      throw errors.at(current, "expected 'digraph' at the start of the pipeline, found " + current.describe());
    }
    advance();
  }

  private String graphName() {
    if (current.is(Kind.WORD) && ValueSyntax.isIdentifier(current.text()) && !isKeyword(current.text())) {
      String name = current.text();
      advance();
      return name;
    }
    String found = current.is(Kind.LBRACE) ? "'{' (the graph has no name)" : current.describe();
    throw errors.at(current, "expected a graph name after 'digraph' (an identifier, as in 'digraph Pipeline {'), found " + found);
  }

  private void expectEndOfFile() {
    while (current.is(Kind.SEMICOLON)) {
      advance();
    }
    if (current.is(Kind.EOF)) {
      return;
    }
    if (current.isWord("digraph") || current.isWord("graph") || current.isWord("strict")) {
      throw errors.at(current, "only one graph per file is supported (attractor-spec.md 2.3): this starts a second graph");
    }
    throw errors.at(current, "unexpected " + current.describe() + " after the closing '}' of the graph");
  }

  /** Parses one statement in {@code scope}; returns the scope the next statement belongs to, or null at the end. */
  private Scope statement(Scope scope) {
    Token token = current;
    switch (token.kind()) {
      case RBRACE -> {
        advance();
        optionalSemicolon();
        assembly.close(scope);
        return scope.parent();
      }
      case SEMICOLON -> {
        advance();
        return scope;
      }
      case LBRACE -> {
        advance();
        return enter(scope, token);
      }
      case EOF -> throw errors.at(token, "the graph is not closed: expected '}' before the end of the file"
          + (scope.isRoot() ? "" : " (a subgraph is still open)"));
      case WORD -> {
        return wordStatement(scope, token);
      }
      case STRING -> throw errors.at(token, "node IDs must be bare identifiers, not quoted strings (attractor-spec.md 2.3): "
          + "write " + Identifiers.suggest(token.text()) + " [label=\"" + Identifiers.escape(token.text()) + "\"]");
      case UNDIRECTED -> throw undirected(token);
      default -> throw errors.at(token, "expected a statement (a node, an edge, an attribute or a subgraph), found " + token.describe());
    }
  }

  private Scope wordStatement(Scope scope, Token token) {
    String word = token.text();
    switch (word) {
      case "graph" -> {
        advance();
        List<Attribute> attributes = attributeBlocks(AttributeScope.GRAPH, true);
        attributes.forEach(a -> assembly.graphAttribute(scope, a));
        optionalSemicolon();
        return scope;
      }
      case "node" -> {
        advance();
        attributeBlocks(AttributeScope.NODE, true).forEach(a -> scope.nodeDefaults().put(a.key(), a));
        optionalSemicolon();
        return scope;
      }
      case "edge" -> {
        advance();
        attributeBlocks(AttributeScope.EDGE, true).forEach(a -> scope.edgeDefaults().put(a.key(), a));
        optionalSemicolon();
        return scope;
      }
      case "subgraph" -> {
        advance();
        if (current.is(Kind.WORD) && !current.is(Kind.LBRACE)) {
          requireIdentifier(current, "subgraph name");
          advance();
        }
        expect(Kind.LBRACE, "'{' to open the subgraph");
        return enter(scope, token);
      }
      case "digraph", "strict" -> throw errors.at(token,
          "only one graph per file is supported (attractor-spec.md 2.3): graphs cannot be nested; use 'subgraph'");
      default -> {
        advance();
        return switch (current.kind()) {
          case EQUALS -> graphAttributeDeclaration(scope, token);
          case ARROW -> edgeStatement(scope, token);
          case UNDIRECTED -> throw undirected(current);
          default -> nodeStatement(scope, token);
        };
      }
    }
  }

  private Scope enter(Scope scope, Token opening) {
    if (scope.depth() >= MAX_SUBGRAPH_DEPTH) {
      throw errors.at(opening, "subgraphs are nested more than " + MAX_SUBGRAPH_DEPTH + " levels deep: flatten the pipeline");
    }
    return scope.child(errors.position(opening));
  }

  private Scope graphAttributeDeclaration(Scope scope, Token key) {
    requireKey(key);
    advance();
    SourcePosition at = errors.position(current);
    assembly.graphAttribute(scope, new Attribute(key.text(), value(AttributeScope.GRAPH, key.text()), at));
    optionalSemicolon();
    return scope;
  }

  private Scope nodeStatement(Scope scope, Token id) {
    requireNodeId(id);
    List<Attribute> attributes = attributeBlocks(AttributeScope.NODE, false);
    assembly.declareNode(scope, id.text(), attributes, errors.position(id));
    optionalSemicolon();
    return scope;
  }

  private Scope edgeStatement(Scope scope, Token first) {
    requireNodeId(first);
    List<Token> chain = new ArrayList<>();
    chain.add(first);
    while (current.is(Kind.ARROW)) {
      advance();
      if (current.is(Kind.LBRACE) || current.isWord("subgraph")) {
        throw errors.at(current, "edges to subgraphs are not supported: write one edge per target node");
      }
      if (current.is(Kind.WORD)) {
        requireNodeId(current);
        chain.add(current);
        advance();
      } else if (current.is(Kind.STRING)) {
        requireNodeId(current);
      } else {
        throw errors.at(current, "expected a node ID after '->', found " + current.describe());
      }
    }
    if (current.is(Kind.UNDIRECTED)) {
      throw undirected(current);
    }
    List<Attribute> attributes = attributeBlocks(AttributeScope.EDGE, false);
    for (Token id : chain) {
      assembly.declareNode(scope, id.text(), List.of(), errors.position(id));
    }
    for (int i = 0; i + 1 < chain.size(); i++) {
      assembly.addEdge(scope, chain.get(i).text(), chain.get(i + 1).text(), attributes, errors.position(chain.get(i + 1)));
    }
    optionalSemicolon();
    return scope;
  }

  /** {@code AttrBlock*}: one or more {@code [k=v, ...]} blocks (required after graph/node/edge). */
  private List<Attribute> attributeBlocks(AttributeScope kind, boolean required) {
    if (required && !current.is(Kind.LBRACKET)) {
      throw errors.at(current, "expected '[' to start an attribute block, found " + current.describe());
    }
    List<Attribute> attributes = new ArrayList<>();
    while (current.is(Kind.LBRACKET)) {
      advance();
      attributeList(kind, attributes);
    }
    return attributes;
  }

  private void attributeList(AttributeScope kind, List<Attribute> into) {
    while (!current.is(Kind.RBRACKET)) {
      if (current.is(Kind.EOF)) {
        throw errors.at(current, "the attribute block is not closed: expected ']' before the end of the file");
      }
      Token key = current;
      if (!key.is(Kind.WORD)) {
        throw errors.at(key, "expected an attribute name or ']', found " + key.describe());
      }
      requireKey(key);
      advance();
      if (!current.is(Kind.EQUALS)) {
        throw errors.at(current, "expected '=' after attribute name '" + key.text() + "', found " + current.describe()
            + " (write " + key.text() + "=<value>)");
      }
      advance();
      SourcePosition at = errors.position(current);
      into.add(new Attribute(key.text(), value(kind, key.text()), at));
      if (current.is(Kind.COMMA)) {
        advance();
      } else if (current.is(Kind.SEMICOLON)) {
        throw errors.at(current, "attributes are separated by ',' (attractor-spec.md 2.3), not ';'");
      } else if (current.is(Kind.EOF)) {
        throw errors.at(current, "the attribute block is not closed: expected ']' before the end of the file");
      } else if (!current.is(Kind.RBRACKET)) {
        String hint = current.is(Kind.WORD) ? " (attributes are separated by commas: add ',' before '" + current.text() + "')" : "";
        throw errors.at(current, "expected ',' or ']' after the value of '" + key.text() + "', found " + current.describe() + hint);
      }
    }
    advance();
  }

  /** A value after '=': a quoted string (concatenated with '+'), or a typed unquoted value (2.4). */
  private AttributeValue value(AttributeScope kind, String key) {
    Token token = current;
    AttributeValue raw = switch (token.kind()) {
      case STRING -> {
        StringBuilder text = new StringBuilder(token.text());
        advance();
        while (current.is(Kind.PLUS)) {
          advance();
          if (!current.is(Kind.STRING)) {
            throw errors.at(current, "expected a quoted string after '+', found " + current.describe());
          }
          text.append(current.text());
          advance();
        }
        yield new AttributeValue.StringValue(text.toString());
      }
      case WORD -> {
        AttributeValue typed = ValueSyntax.classifyUnquoted(token.text());
        if (typed instanceof AttributeValue.StringValue && !ValueSyntax.isBareValue(token.text())) {
          throw errors.at(token, Identifiers.invalidValue(token.text()));
        }
        advance();
        yield typed;
      }
      default -> throw errors.at(token, "expected a value after '" + key + "=', found " + token.describe());
    };
    return KnownAttributes.lookup(kind, key).flatMap(spec -> spec.type().convert(raw)).orElse(raw);
  }

  private void requireKey(Token key) {
    if (!ValueSyntax.isKey(key.text())) {
      throw errors.at(key, "'" + key.text() + "' is not a valid attribute name: names are identifiers, optionally"
          + " qualified with dots, such as shape or human.default_choice");
    }
  }

  private void requireNodeId(Token id) {
    if (id.is(Kind.STRING)) {
      throw errors.at(id, "node IDs must be bare identifiers, not quoted strings (attractor-spec.md 2.3): write "
          + Identifiers.suggest(id.text()) + " [label=\"" + Identifiers.escape(id.text()) + "\"]");
    }
    requireIdentifier(id, "node ID");
    if (isKeyword(id.text())) {
      throw errors.at(id, "'" + id.text() + "' is a DOT keyword and cannot be a node ID: choose another name, such as "
          + id.text() + "_step");
    }
  }

  private void requireIdentifier(Token id, String what) {
    if (ValueSyntax.isIdentifier(id.text())) {
      return;
    }
    throw errors.at(id, Identifiers.invalidIdentifier(what, id.text()));
  }

  private static boolean isKeyword(String word) {
    return switch (word) {
      case "digraph", "graph", "node", "edge", "subgraph", "strict" -> true;
      default -> false;
    };
  }

  private DotSyntaxException undirected(Token token) {
    return errors.at(token, "undirected edges ('--') are not supported (attractor-spec.md 2.3): use '->'");
  }

  private void optionalSemicolon() {
    if (current.is(Kind.SEMICOLON)) {
      advance();
    }
  }

  private void expect(Kind kind, String what) {
    if (!current.is(kind)) {
      throw errors.at(current, "expected " + what + ", found " + current.describe());
    }
    advance();
  }

  private void advance() {
    if (lookahead != null) {
      current = lookahead;
      lookahead = null;
    } else {
      current = lexer.next();
    }
  }

  /** The nesting of subgraphs, with the node and edge defaults in force in each (2.10, 2.11). */
  static final class Scope {
    private final Scope parent;
    private final Map<String, Attribute> nodeDefaults;
    private final Map<String, Attribute> edgeDefaults;
    private final SourcePosition position;
    private final int depth;
    private String label = "";

    private Scope(Scope parent, Map<String, Attribute> nodeDefaults, Map<String, Attribute> edgeDefaults, SourcePosition position) {
      this.parent = parent;
      this.depth = parent == null ? 0 : parent.depth + 1;
      this.nodeDefaults = nodeDefaults;
      this.edgeDefaults = edgeDefaults;
      this.position = position;
    }

    static Scope root() {
      return new Scope(null, new LinkedHashMap<>(), new LinkedHashMap<>(), SourcePosition.UNKNOWN);
    }

    /** A subgraph starts with the defaults in force where it opens. */
    Scope child(SourcePosition where) {
      return new Scope(this, new LinkedHashMap<>(nodeDefaults), new LinkedHashMap<>(edgeDefaults), where);
    }

    Scope parent() {
      return parent;
    }

    boolean isRoot() {
      return parent == null;
    }

    int depth() {
      return depth;
    }

    Map<String, Attribute> nodeDefaults() {
      return nodeDefaults;
    }

    Map<String, Attribute> edgeDefaults() {
      return edgeDefaults;
    }

    SourcePosition position() {
      return position;
    }

    String label() {
      return label;
    }

    void label(String value) {
      label = value;
    }
  }
}
