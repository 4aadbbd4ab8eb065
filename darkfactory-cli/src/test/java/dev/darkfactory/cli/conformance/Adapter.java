package dev.darkfactory.cli.conformance;

import dev.darkfactory.llm.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/** Runs the adapter in-process, as the benchmark runs {@code bin/conformance}: arguments, stdin, environment. */
record Adapter(Map<String, String> environment, Path workdir) {

  /** One invocation's result; {@code stdinRead} tells whether the subcommand touched standard input. */
  record Result(int exitCode, String out, String err, boolean stdinRead) {
    JsonNode json() {
      return BenchJson.MAPPER.readTree(out);
    }

    List<JsonNode> lines() {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          lines.add(BenchJson.MAPPER.readTree(line));
        }
      }
      return lines;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  Result run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicBoolean read = new AtomicBoolean();
    ConformanceIo io = new ConformanceIo(() -> {
      read.set(true);
      return stdin == null ? "" : stdin;
    }, new PrintWriter(out, true), new PrintWriter(err, true), Environment.of(environment), workdir);
    int code = ConformanceMain.run(io, args);
    io.out().flush();
    return new Result(code, out.toString(), err.toString(), read.get());
  }

  Adapter with(String name, String value) {
    Map<String, String> env = new java.util.LinkedHashMap<>(environment);
    env.put(name, value);
    return new Adapter(env, workdir);
  }
}
