package dev.darkfactory.agent.testing;

import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.EventKind;
import dev.darkfactory.agent.Session;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.profile.AnthropicProfile;
import dev.darkfactory.agent.profile.GeminiProfile;
import dev.darkfactory.agent.profile.OpenAiProfile;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.RetryPolicy;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.RecordedRequest;
import dev.darkfactory.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * Test scaffolding: the LLM twin on loopback playing the model's side from a script, a client
 * pointed at it, and sessions whose tools really run in a temporary directory.
 */
public final class Twin implements AutoCloseable {
  /** Retries without waiting, so failure paths stay fast. */
  public static final RetryPolicy FAST_RETRIES = RetryPolicy.defaults().withSleeper(duration -> {});

  public final FakeProviderServer server;
  public final Client client;
  public final Path dir;
  public final List<AgentEvent> events = new CopyOnWriteArrayList<>();

  public Twin(Path dir) {
    this.server = FakeProviderServer.start();
    this.client = Client.fromEnv(Environment.of(server.environment()));
    this.dir = dir;
  }

  /** The three provider profiles, by name. */
  public static ProviderProfile profile(String provider) {
    return switch (provider) {
      case "openai" -> OpenAiProfile.create("gpt-5.2");
      case "anthropic" -> AnthropicProfile.create("claude-sonnet-4-5");
      case "gemini" -> GeminiProfile.create("gemini-3.1-pro-preview");
      default -> throw new IllegalArgumentException(provider);
    };
  }

  public Twin reply(Reply reply) {
    server.enqueue(reply);
    return this;
  }

  /** Scripts tool calls in one model turn: name, arguments JSON, name, arguments JSON, ... */
  public Twin calls(String... nameAndArguments) {
    Reply reply = Reply.text("");
    for (int i = 0; i < nameAndArguments.length; i += 2) {
      reply = reply.withToolCall(nameAndArguments[i], nameAndArguments[i + 1]);
    }
    return reply(reply);
  }

  public Twin text(String text) {
    return reply(Reply.text(text));
  }

  public Session session(ProviderProfile profile) {
    return session(profile, SessionConfig.builder().retryPolicy(FAST_RETRIES).build());
  }

  public Session session(ProviderProfile profile, SessionConfig config) {
    return Session.builder(client, profile, LocalExecutionEnvironment.create(dir))
        .config(config)
        .listener(events::add)
        .build();
  }

  public List<EventKind> kinds() {
    return events.stream().map(AgentEvent::kind).toList();
  }

  @SuppressWarnings("unchecked")
  public <T extends AgentEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(event -> (T) event).toList();
  }

  /** The LLM requests the twin received, as JSON. */
  public List<JsonNode> requests() {
    return server.requests().stream().filter(r -> r.method().equals("POST")).map(RecordedRequest::json).toList();
  }

  public List<RecordedRequest> recorded() {
    return server.requests().stream().filter(r -> r.method().equals("POST")).toList();
  }

  public static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
