package dev.darkfactory.pipeline.dot;

import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.source.SourcePosition;
import dev.darkfactory.pipeline.source.SourceText;

/** Builds {@link DotSyntaxException}s that show the offending line of one source text. */
final class SyntaxErrors {
  private final SourceText source;

  SyntaxErrors(SourceText source) {
    this.source = source;
  }

  DotSyntaxException at(int line, int column, String problem) {
    return at(SourcePosition.of(source.name(), line, column), problem);
  }

  DotSyntaxException at(SourcePosition position, String problem) {
    return new DotSyntaxException(position, problem, source.excerpt(position));
  }

  DotSyntaxException at(Token token, String problem) {
    return at(token.line(), token.column(), problem);
  }

  SourcePosition position(Token token) {
    return SourcePosition.of(source.name(), token.line(), token.column());
  }
}
