package dev.darkfactory.cli.conformance;

import dev.darkfactory.llm.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one adapter invocation may touch: its standard streams, the environment (provider keys and
 * base URLs) and the working directory. Standard input is read lazily and only by subcommands that
 * take a request, because the benchmark starts most subcommands without anything on stdin
 * (attractorbench contract: "subcommands that get no stdin must never read stdin").
 */
public record ConformanceIo(Supplier<String> stdin, PrintWriter out, PrintWriter err, Environment environment, Path workdir) {

  public ConformanceIo {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(workdir, "workdir");
  }

  /** The process's own streams, environment and current directory. */
  public static ConformanceIo system() {
    return new ConformanceIo(() -> readAll(System.in),
        new PrintWriter(System.out, false, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        Environment.system(), Path.of("").toAbsolutePath());
  }

  /** The whole of standard input as text. */
  public String readStdin() {
    return stdin.get();
  }

  private static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input", e);
    }
  }
}
