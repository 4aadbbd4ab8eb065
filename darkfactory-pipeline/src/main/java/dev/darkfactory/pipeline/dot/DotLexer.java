package dev.darkfactory.pipeline.dot;

import dev.darkfactory.pipeline.dot.Token.Kind;

/**
 * Splits DOT source into tokens, skipping whitespace and {@code //} and {@code /* *}{@code /}
 * comments (attractor-spec.md 2.3). A pull lexer: the parser asks for one token at a time, so
 * memory stays proportional to the graph, not to the token count.
 */
final class DotLexer {
  private final String src;
  private final SyntaxErrors errors;
  private int pos;
  private int line = 1;
  private int lineStart;

  DotLexer(String src, SyntaxErrors errors) {
    this.src = src;
    this.errors = errors;
    if (src.startsWith("\uFEFF")) {
      pos = 1;
      lineStart = 1;
    }
  }

  Token next() {
    skipTrivia();
    if (pos >= src.length()) {
      return token(Kind.EOF, "", pos);
    }
    int start = pos;
    char c = src.charAt(pos);
    return switch (c) {
      case '{' -> single(Kind.LBRACE);
      case '}' -> single(Kind.RBRACE);
      case '[' -> single(Kind.LBRACKET);
      case ']' -> single(Kind.RBRACKET);
      case '=' -> single(Kind.EQUALS);
      case ';' -> single(Kind.SEMICOLON);
      case ',' -> single(Kind.COMMA);
      case '+' -> single(Kind.PLUS);
      case '"' -> string();
      case '<' -> html();
      case '-' -> {
        if (peek(1) == '>') {
          pos += 2;
          yield token(Kind.ARROW, "->", start);
        }
        if (peek(1) == '-') {
          pos += 2;
          yield token(Kind.UNDIRECTED, "--", start);
        }
        yield word();
      }
      default -> {
        if (isWordChar(c)) {
          yield word();
        }
        throw errors.at(line, column(start), unexpectedCharacter(src.codePointAt(pos)));
      }
    };
  }

  /** Names the whole character, also one outside the Basic Multilingual Plane (an emoji is two chars in a String). */
  private static String unexpectedCharacter(int c) {
    if (c > 0x7f) {
      return "unexpected character '" + Character.toString(c) + "' (U+" + String.format("%04X", c) + "): identifiers are ASCII"
          + " letters, digits and underscores; put other text in a quoted string such as label=\"...\"";
    }
    if (c < 0x20) {
      return "unexpected control character U+" + String.format("%04X", c) + " (is this a text file?)";
    }
    return "unexpected character '" + Character.toString(c) + "'";
  }

  private Token single(Kind kind) {
    int start = pos++;
    return token(kind, src.substring(start, pos), start);
  }

  private Token word() {
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '-' && (peek(1) == '>' || peek(1) == '-')) {
        break;
      }
      if (!isWordChar(c)) {
        break;
      }
      pos++;
    }
    return token(Kind.WORD, src.substring(start, pos), start);
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '.' || c == '-' || c == ':';
  }

  /** A quoted string with the escapes of 2.2; Graphviz's backslash-newline continuation is removed. */
  private Token string() {
    int start = pos;
    int startLine = line;
    int startColumn = column(start);
    pos++;
    StringBuilder value = null;
    int chunkStart = pos;
    while (true) {
      if (pos >= src.length()) {
        throw errors.at(startLine, startColumn,
            "unterminated string: the quote opened here has no closing '\"' before the end of the file");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        String text = value == null ? src.substring(chunkStart, pos) : value.append(src, chunkStart, pos).toString();
        pos++;
        return new Token(Kind.STRING, text, start, startLine, startColumn);
      }
      if (c == '\n') {
        newline(pos);
        pos++;
        continue;
      }
      if (c == '\\' && pos + 1 < src.length()) {
        if (value == null) {
          value = new StringBuilder();
        }
        value.append(src, chunkStart, pos);
        char escaped = src.charAt(pos + 1);
        switch (escaped) {
          case '"' -> value.append('"');
          case '\\' -> value.append('\\');
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case '\n' -> newline(pos + 1);
          case '\r' -> {
            if (peek(2) == '\n') {
              pos++;
              newline(pos + 1);
            }
          }
          // Graphviz label escapes such as \l, \N or \G are kept as written.
          default -> value.append('\\').append(escaped);
        }
        pos += 2;
        chunkStart = pos;
        continue;
      }
      pos++;
    }
  }

  private Token html() {
    throw errors.at(line, column(pos),
        "HTML labels (<...>) are not supported: use a quoted string, for example label=\"Review\"");
  }

  private void skipTrivia() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        newline(pos);
        pos++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        pos++;
      } else if (c == '/' && peek(1) == '/') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        blockComment();
      } else {
        return;
      }
    }
  }

  private void blockComment() {
    int startLine = line;
    int startColumn = column(pos);
    pos += 2;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '*' && peek(1) == '/') {
        pos += 2;
        return;
      }
      if (c == '\n') {
        newline(pos);
      }
      pos++;
    }
    throw errors.at(startLine, startColumn, "unterminated comment: '/*' has no closing '*/'");
  }

  private void newline(int at) {
    line++;
    lineStart = at + 1;
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < src.length() ? src.charAt(at) : '\0';
  }

  private int column(int offset) {
    return offset - lineStart + 1;
  }

  private Token token(Kind kind, String text, int start) {
    return new Token(kind, text, start, line, column(start));
  }
}
