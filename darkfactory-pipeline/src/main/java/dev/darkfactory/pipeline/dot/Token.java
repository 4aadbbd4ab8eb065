package dev.darkfactory.pipeline.dot;

/**
 * A lexical token of the DOT subset.
 *
 * @param text for {@link Kind#WORD} the word as written; for {@link Kind#STRING} the decoded content
 * @param offset character offset of the token's first character in the source
 */
record Token(Kind kind, String text, int offset, int line, int column) {

  enum Kind {
    WORD("a name or value"),
    STRING("a quoted string"),
    HTML("an HTML label"),
    LBRACE("'{'"),
    RBRACE("'}'"),
    LBRACKET("'['"),
    RBRACKET("']'"),
    EQUALS("'='"),
    SEMICOLON("';'"),
    COMMA("','"),
    PLUS("'+'"),
    ARROW("'->'"),
    UNDIRECTED("'--'"),
    EOF("the end of the file");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  boolean is(Kind expected) {
    return kind == expected;
  }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  /** How the token reads in an error message: {@code 'shape'}, {@code ']'}, {@code the end of the file}. */
  String describe() {
    return switch (kind) {
      case WORD -> "'" + abbreviate(text) + "'";
      case STRING -> "the string \"" + abbreviate(text) + "\"";
      case EOF, HTML -> kind.description();
      default -> kind.description();
    };
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }
}
