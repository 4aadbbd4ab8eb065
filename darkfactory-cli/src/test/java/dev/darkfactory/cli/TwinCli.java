package dev.darkfactory.cli;

import dev.darkfactory.llm.Environment;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line in-process with its provider settings pointed at the LLM twin, as a user's
 * shell with {@code ANTHROPIC_API_KEY} and {@code ANTHROPIC_BASE_URL} would have them.
 */
public final class TwinCli implements AutoCloseable {
  public final FakeProviderServer twin;
  private final Map<String, String> environment = new LinkedHashMap<>();

  public TwinCli() {
    this(FakeProviderServer.start());
  }

  public TwinCli(FakeProviderServer twin) {
    this.twin = twin;
    twin.environment().forEach((key, value) -> {
      if (key.startsWith("ANTHROPIC")) {
        environment.put(key, value);
      }
    });
  }

  public Environment environment() {
    return Environment.of(environment);
  }

  /** A model turn that calls these tools: name, arguments JSON, ... */
  public TwinCli calls(String... nameAndArguments) {
    Reply reply = Reply.text("");
    for (int i = 0; i < nameAndArguments.length; i += 2) {
      reply = reply.withToolCall(nameAndArguments[i], nameAndArguments[i + 1].replace('\'', '"'));
    }
    twin.enqueue(reply.withUsage(1000, 100));
    return this;
  }

  /** A model turn that only answers. */
  public TwinCli says(String text) {
    twin.enqueue(Reply.text(text).withUsage(1000, 100));
    return this;
  }

  public CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new StringReader(""), new PrintWriter(out, true), new PrintWriter(err, true), Terminal.none(), environment(), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public void close() {
    twin.close();
  }
}
