package dev.darkfactory.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;

/**
 * What every command needs from the process: where to print, where to read answers from, and what
 * the terminal can do.
 */
public record CliContext(Reader in, PrintWriter out, PrintWriter err, Terminal terminal) {

  /** A context with no input: nothing is ever read. */
  public CliContext(PrintWriter out, PrintWriter err, Terminal terminal) {
    this(new StringReader(""), out, err, terminal);
  }
}
