package dev.darkfactory.pipeline.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.agent.AgentBackend;
import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.engine.PipelineEngine;
import dev.darkfactory.pipeline.engine.RunOptions;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.human.AutoApproveInterviewer;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application embedding the factory, through public types only: client, agent backend, ledger, budget, engine. */
class AgentBackendPublicApiTest {
  @TempDir Path temp;

  @Test
  void anEmbeddingApplicationRunsAnAgentPipelineAndReadsItsSpend() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Path logsRoot = temp.resolve("run");
    try (FakeProviderServer twin = FakeProviderServer.start();
        Client client = Client.fromEnv(Environment.of(twin.environment()));
        AgentBackend backend = AgentBackend.builder(client)
            .defaultProvider("anthropic")
            .ledger(SpendLedger.at(logsRoot.resolve(SpendLedger.FILE_NAME)))
            .budget(new RunBudget(OptionalLong.of(1_000_000), Optional.of(new BigDecimal("5"))))
            .stallTimeout(Duration.ofMinutes(1))
            .environments(LocalExecutionEnvironment::create)
            .build()) {
      twin.enqueue(Reply.toolCall("write_file", "{\"file_path\":\"hello.txt\",\"content\":\"hi\"}").withUsage(100, 10));
      twin.enqueue(Reply.text("Wrote hello.txt.").withUsage(100, 10));
      HandlerRegistry handlers = HandlerRegistry.standard(backend, new AutoApproveInterviewer());
      Graph graph = PipelineLoader.create().withHandlerTypes(handlers.types()).load(new SourceText("hello.dot", """
          digraph Hello {
            start [shape=Mdiamond]
            write [prompt="Write hello.txt"]
            done [shape=Msquare]
            start -> write -> done
          }
          """)).requireValid();
      RunResult result = PipelineEngine.builder().handlers(handlers).build().run(graph, RunOptions.in(logsRoot).withWorkdir(repo));
      assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(Files.readString(repo.resolve("hello.txt"))).isEqualTo("hi");
      assertThat(backend.ledger().total().totalTokens()).isEqualTo(220);
      assertThat(backend.describe()).isEqualTo("agent anthropic");
    }
  }
}
