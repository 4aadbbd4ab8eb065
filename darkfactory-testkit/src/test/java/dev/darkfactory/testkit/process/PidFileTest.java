package dev.darkfactory.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test's own processes, named by the pid file its commands write. */
class PidFileTest {
  @TempDir Path temp;
  private PidFile pids;

  @AfterEach
  void cleanUp() {
    if (pids != null) {
      pids.destroyAll();
    }
  }

  @Test
  void aCommandRecordsItselfAndItsChildrenAndTheyAreSeenUntilTheyEnd() throws Exception {
    pids = PidFile.at(temp.resolve("it's.pids"));
    Path ready = temp.resolve("ready");
    Process shell = new ProcessBuilder("/bin/bash", "-c",
        pids.append("$$") + "; sleep 300 & " + pids.append("$!") + "; touch '" + ready + "'; wait").start();
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(ready) || !shell.isAlive());
    assertThat(pids.pids()).hasSize(2).first().isEqualTo(shell.pid());
    assertThat(pids.running()).hasSize(2);

    pids.destroyAll();
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).isEmpty());
  }

  @Test
  void aMissingFileOrAHalfWrittenLineNamesNothing() throws Exception {
    pids = PidFile.at(temp.resolve("pids"));
    assertThat(pids.pids()).isEmpty();
    Files.writeString(pids.path(), ProcessHandle.current().pid() + "\n12");
    assertThat(pids.pids()).containsExactly(ProcessHandle.current().pid());
    assertThat(pids.running()).extracting(ProcessHandle::pid).containsExactly(ProcessHandle.current().pid());
    pids = null; // never destroy this JVM
  }

  @Test
  void aProcessThatEndedBeforeItWasFirstSeenCountsAsEnded() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    pids = PidFile.at(temp.resolve("pids"));
    Files.write(pids.path(), List.of(Long.toString(done.pid())));
    assertThat(pids.running()).isEmpty();
  }
}
