package dev.darkfactory.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.Environment;
import dev.darkfactory.server.run.EngineExecutor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port that cannot be bound is a configuration problem said plainly, not Javalin's bind exception. */
class PortInUseTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void aSecondServerOnTheSamePortSaysThePortIsInUse() {
    try (TestServer running = TestServer.start(first)) {
      int port = running.server.port();
      ServerConfig config = ServerConfig.newBuilder(second, new EngineExecutor(second, Environment.of(Map.of()))).port(port).build();
      DarkFactoryServer server = DarkFactoryServer.create(config);
      assertThatThrownBy(server::start)
          .isInstanceOf(ServerException.ConfigurationInvalid.class)
          .hasMessage("cannot listen on 127.0.0.1:" + port + ": the port is in use or not allowed: stop what uses it, or pick another with"
              + " --port (0 picks a free one)");
    }
  }
}
