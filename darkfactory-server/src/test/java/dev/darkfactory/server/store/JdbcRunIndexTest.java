package dev.darkfactory.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.server.ServerException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite index; {@link PostgresRunIndexTest} runs the same contract against PostgreSQL. */
class JdbcRunIndexTest {
  @TempDir Path dataDir;

  static IndexedRun run(String id, String status, long startedMillis) {
    return new IndexedRun(id, "Pipeline", "goal", status, Instant.ofEpochMilli(startedMillis), Optional.empty(), "alice", "simulation",
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  static void contract(RunIndex index) {
    index.save(run("20260101-000000-aaaaaa", IndexedRun.RUNNING, 1000));
    index.save(run("20260101-000001-bbbbbb", IndexedRun.SUCCESS, 2000));
    index.save(run("20260101-000002-cccccc", IndexedRun.RUNNING, 3000));
    assertThat(index.list(Optional.empty(), 10)).extracting(IndexedRun::id)
        .containsExactly("20260101-000002-cccccc", "20260101-000001-bbbbbb", "20260101-000000-aaaaaa");
    assertThat(index.list(Optional.of(IndexedRun.RUNNING), 10)).hasSize(2);
    assertThat(index.list(Optional.empty(), 1)).hasSize(1);

    IndexedRun finished = index.find("20260101-000000-aaaaaa").orElseThrow()
        .withStatus(IndexedRun.FAIL, Instant.ofEpochMilli(5000), Optional.of("boom"))
        .withUsage(Optional.of(1234L), Optional.of(0.25));
    index.save(finished);
    IndexedRun read = index.find("20260101-000000-aaaaaa").orElseThrow();
    assertThat(read).isEqualTo(finished);
    assertThat(read.finishedAt()).contains(Instant.ofEpochMilli(5000));
    assertThat(read.resumable()).isFalse();
    assertThat(index.find("20260101-000009-ffffff")).isEmpty();
  }

  @Test
  void keepsRunsAcrossReopening() {
    try (JdbcRunIndex index = JdbcRunIndex.sqlite(dataDir)) {
      assertThat(index.kind()).isEqualTo("sqlite");
      contract(index);
    }
    try (JdbcRunIndex reopened = JdbcRunIndex.open(Optional.empty(), dataDir)) {
      assertThat(reopened.list(Optional.empty(), 10)).hasSize(3);
    }
  }

  @Test
  void refusesAnIndexUrlThatIsNotPostgres() {
    assertThatThrownBy(() -> JdbcRunIndex.open(Optional.of("mysql://root:hunter2@db/x"), dataDir))
        .isInstanceOf(ServerException.ConfigurationInvalid.class)
        .hasMessageContaining("PostgreSQL").hasMessageNotContaining("hunter2");
  }

  @Test
  void anUnreachablePostgresIsAStorageFailureWithoutThePassword() {
    assertThatThrownBy(() -> JdbcRunIndex.open(Optional.of("postgresql://factory:hunter2@127.0.0.1:1/factory?connectTimeout=2"), dataDir))
        .isInstanceOf(ServerException.StorageFailed.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void postgresUrlsAreTranslated() {
    assertThat(PostgresUrls.toJdbc("postgresql://u:p@db.local:5433/runs?sslmode=disable")).isEqualTo("jdbc:postgresql://db.local:5433/runs?sslmode=disable");
    assertThat(PostgresUrls.credentials("postgresql://u%40x:p%3Aw@db/runs")).containsEntry("user", "u@x").containsEntry("password", "p:w");
    assertThat(PostgresUrls.redacted("postgresql://u:secret@db/runs")).isEqualTo("postgresql://u:***@db/runs");
    assertThat(PostgresUrls.redacted("jdbc:postgresql://db/runs?user=u&password=secret")).doesNotContain("secret");
  }

  @Test
  void aDataDirectoryThatIsAFileIsRefusedSayingSo() throws Exception {
    Path file = java.nio.file.Files.writeString(dataDir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> JdbcRunIndex.open(Optional.empty(), file))
        .isInstanceOf(ServerException.ConfigurationInvalid.class)
        .hasMessage("the data directory " + file + " is a file, not a directory: pass --data a directory for the runs and the run index"
            + " (a new one is created)");
  }
}
