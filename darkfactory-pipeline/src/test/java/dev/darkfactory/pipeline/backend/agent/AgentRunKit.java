package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.RetryPolicy;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.engine.PipelineEngine;
import dev.darkfactory.pipeline.engine.RunOptions;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.event.RecordingListener;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.human.AutoApproveInterviewer;
import dev.darkfactory.pipeline.human.Interviewer;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a DOT pipeline end to end on the agent-backed backend against the LLM twin: real sessions,
 * real tools in a temporary repository, the real engine. Anthropic is the only configured provider,
 * so its profile's tools ({@code write_file}, {@code edit_file}, {@code shell}) are what the
 * scripted model calls.
 */
final class AgentRunKit implements AutoCloseable {
  static final RetryPolicy NO_WAIT_RETRIES = RetryPolicy.defaults().withSleeper(duration -> {});

  final FakeProviderServer twin = FakeProviderServer.start();
  final Path workdir;
  final Path logsRoot;
  final Client client;
  final SpendLedger ledger;
  private RunBudget budget = RunBudget.unlimited();
  private Duration stallTimeout = Duration.ofMinutes(10);
  private Duration hookTimeout = Duration.ofSeconds(60);
  private Interviewer interviewer = new AutoApproveInterviewer();
  private EnvironmentPolicy environmentPolicy = EnvironmentPolicy.defaults();
  private AgentBackend backend;
  RecordingListener events = new RecordingListener();

  AgentRunKit(Path temp) {
    this.workdir = temp.resolve("repo");
    this.logsRoot = temp.resolve("run");
    try {
      Files.createDirectories(workdir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = new LinkedHashMap<>();
    twin.environment().forEach((key, value) -> {
      if (key.startsWith("ANTHROPIC")) {
        env.put(key, value);
      }
    });
    this.client = Client.fromEnv(Environment.of(env));
    this.ledger = SpendLedger.at(logsRoot.resolve(SpendLedger.FILE_NAME));
  }

  AgentRunKit budget(RunBudget value) {
    this.budget = value;
    return this;
  }

  AgentRunKit stallTimeout(Duration value) {
    this.stallTimeout = value;
    return this;
  }

  AgentRunKit hookTimeout(Duration value) {
    this.hookTimeout = value;
    return this;
  }

  AgentRunKit environmentPolicy(EnvironmentPolicy value) {
    this.environmentPolicy = value;
    return this;
  }

  AgentRunKit interviewer(Interviewer value) {
    this.interviewer = value;
    return this;
  }

  /** Scripts one model turn that makes these tool calls: name, arguments JSON, name, arguments JSON, ... */
  AgentRunKit calls(String... nameAndArguments) {
    Reply reply = Reply.text("");
    for (int i = 0; i < nameAndArguments.length; i += 2) {
      reply = reply.withToolCall(nameAndArguments[i], nameAndArguments[i + 1]);
    }
    twin.enqueue(reply.withUsage(1000, 100));
    return this;
  }

  /** Scripts one model turn that answers with text only (the stage's session ends). */
  AgentRunKit says(String text) {
    twin.enqueue(Reply.text(text).withUsage(1000, 100));
    return this;
  }

  /** A stage that reports {@code outcome} and says it is done: two model turns. */
  AgentRunKit reports(String outcomeJson) {
    return calls("report_outcome", outcomeJson).says("Done.");
  }

  AgentBackend backend() {
    if (backend == null) {
      backend = AgentBackend.builder(client)
          .sessionConfig(SessionConfig.builder().maxToolRoundsPerInput(20).retryPolicy(NO_WAIT_RETRIES).build())
          .ledger(ledger)
          .budget(budget)
          .stallTimeout(stallTimeout)
          .hookTimeout(hookTimeout)
          .environmentPolicy(environmentPolicy)
          .build();
    }
    return backend;
  }

  Graph graph(String dot) {
    HandlerRegistry registry = HandlerRegistry.standard(backend(), interviewer);
    return PipelineLoader.create().withHandlerTypes(registry.types()).load(new SourceText("test.dot", dot)).requireValid();
  }

  private PipelineEngine engine() {
    return PipelineEngine.builder().handlers(HandlerRegistry.standard(backend(), interviewer)).listener(events).build();
  }

  RunResult run(String dot) {
    return engine().run(graph(dot), RunOptions.in(logsRoot).withWorkdir(workdir));
  }

  RunResult resume(String dot) {
    return engine().resume(graph(dot), RunDirectory.at(logsRoot), RunOptions.in(logsRoot).withWorkdir(workdir)).await();
  }

  String file(String relative) {
    try {
      return Files.readString(workdir.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String stageFile(String node, String name) {
    try {
      return Files.readString(logsRoot.resolve(node).resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean hasStageFile(String node, String name) {
    return Files.exists(logsRoot.resolve(node).resolve(name));
  }

  static String json(String text) {
    return text.replace('\'', '"');
  }

  @Override
  public void close() {
    if (backend != null) {
      backend.close();
    }
    client.close();
    twin.close();
  }
}
