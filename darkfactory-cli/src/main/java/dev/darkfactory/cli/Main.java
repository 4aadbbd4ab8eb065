package dev.darkfactory.cli;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** The {@code factory} command. {@code main} only exits; tests call {@link #run}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Reader in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
    System.exit(run(in, out, err, Terminal.detect(), args));
  }

  /** Runs one command line, reading answers from {@code in}, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(Reader in, PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
    return DarkFactoryCommand.commandLine(new CliContext(in, out, err, terminal)).execute(args);
  }

  /** Runs one command line with no input, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
    return DarkFactoryCommand.commandLine(new CliContext(out, err, terminal)).execute(args);
  }

  /** {@link #run} for tests and embedding: no terminal, no colour. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, Terminal.none(), args);
  }
}
