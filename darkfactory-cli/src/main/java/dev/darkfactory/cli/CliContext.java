package dev.darkfactory.cli;

import java.io.PrintWriter;

/** What every command needs from the process: where to print and what the terminal can do. */
public record CliContext(PrintWriter out, PrintWriter err, Terminal terminal) {}
