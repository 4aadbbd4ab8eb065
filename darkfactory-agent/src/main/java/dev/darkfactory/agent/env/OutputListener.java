package dev.darkfactory.agent.env;

/** Receives a running command's output as it arrives. Called from reader threads. */
@FunctionalInterface
public interface OutputListener {

  /** Ignores output. */
  OutputListener NONE = (stream, chunk) -> {};

  /** Which of the command's streams a chunk came from. */
  enum Stream {
    STDOUT,
    STDERR
  }

  void onOutput(Stream stream, String chunk);
}
