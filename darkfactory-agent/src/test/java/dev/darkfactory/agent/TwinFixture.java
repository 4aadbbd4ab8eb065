package dev.darkfactory.agent;

import dev.darkfactory.agent.testing.Twin;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the session tests: a fresh twin and temporary working directory for every test. */
abstract class TwinFixture {
  @TempDir Path dir;
  Twin twin;

  @BeforeEach
  void startTwin() {
    twin = new Twin(dir);
  }

  @AfterEach
  void stopTwin() {
    twin.close();
  }
}
