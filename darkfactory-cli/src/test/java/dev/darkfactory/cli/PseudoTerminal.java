package dev.darkfactory.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command on a pseudo-terminal made by {@code script(1)}, as a user's shell would: the
 * command sees a terminal on its input and output. What is written to {@code script}'s input is
 * typed into the terminal.
 */
public final class PseudoTerminal {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  private PseudoTerminal() {}

  /** Whether {@code script(1)} exists and can open a pseudo-terminal here. */
  public static boolean available() throws IOException, InterruptedException {
    if (!Files.isExecutable(SCRIPT)) {
      return false;
    }
    Process check = new ProcessBuilder(SCRIPT.toString(), "-qec", "true", "/dev/null").redirectErrorStream(true).start();
    check.getInputStream().readAllBytes();
    return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
  }

  /** The java command that runs {@code mainClass} with this JVM's class path. */
  public static List<String> java(Class<?> mainClass, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code command} on a pseudo-terminal with {@code env} added, types {@code input}, and returns everything it printed. */
  public static String run(List<String> command, Map<String, String> env, String input) throws IOException, InterruptedException {
    String line = String.join(" ", command.stream().map(PseudoTerminal::quoted).toList());
    ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qec", line, "/dev/null").redirectErrorStream(true);
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(env);
    Process process = builder.start();
    try (OutputStream typed = process.getOutputStream()) {
      typed.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the command did not end on its pseudo-terminal:\n" + out);
    }
    return out;
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
