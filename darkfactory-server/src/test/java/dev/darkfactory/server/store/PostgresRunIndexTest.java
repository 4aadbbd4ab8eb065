package dev.darkfactory.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run index on a throwaway PostgreSQL cluster (initdb + pg_ctl on 127.0.0.1, a free port,
 * torn down afterwards). Skipped with a message when PostgreSQL's binaries are not installed.
 */
class PostgresRunIndexTest {
  @TempDir static Path work;
  static Path bin;
  static Path cluster;
  static int port;

  @BeforeAll
  static void startCluster() throws Exception {
    bin = findBin();
    Assumptions.assumeTrue(bin != null, "PostgreSQL tests skipped: no initdb/pg_ctl under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
    Assumptions.assumeFalse(isRoot() && !hasUser("postgres"), "PostgreSQL tests skipped: running as root and there is no postgres user to run the cluster as");
    cluster = work.resolve("pg");
    Files.createDirectories(cluster);
    if (isRoot()) {
      run(List.of("chown", "-R", "postgres", work.toString()));
    }
    run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U", "factory", "--auth=trust", "-E", "UTF8")));
    // A free port can be taken by another process on a shared machine before the server binds it: then try another.
    for (int attempt = 1; ; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      try {
        run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-t", "60", "-l",
            cluster.resolve("log.txt").toString(), "-o", "-h 127.0.0.1 -p " + port + " -k " + cluster, "start")));
        return;
      } catch (IllegalStateException failed) {
        String log = Files.exists(cluster.resolve("log.txt")) ? Files.readString(cluster.resolve("log.txt")) : "";
        if (attempt == 5 || !log.contains("Address already in use")) {
          throw failed;
        }
      }
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null && Files.exists(cluster.resolve("postmaster.pid"))) {
      run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-m", "immediate", "-w", "stop")));
    }
  }

  @Test
  void theIndexContractHoldsOnPostgres(@TempDir Path dataDir) {
    createDatabase("contract");
    try (JdbcRunIndex index = JdbcRunIndex.open(Optional.of("postgresql://factory@127.0.0.1:" + port + "/contract"), dataDir)) {
      assertThat(index.kind()).isEqualTo("postgresql");
      JdbcRunIndexTest.contract(index);
    }
  }

  @Test
  void theServerRunsWithAPostgresIndex(@TempDir Path dataDir) {
    createDatabase("server");
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/server?user=factory";
    try (TestServer server = TestServer.start(dataDir, b -> b.indexUrl(Optional.of(url)))) {
      String id = server.submit(TestServer.pipeline("linear.dot"));
      server.awaitStatus(id, "success");
      assertThat(server.get("/api/info").json().path("index").asString()).isEqualTo("postgresql");
    }
    try (TestServer again = TestServer.start(dataDir, b -> b.indexUrl(Optional.of(url)))) {
      assertThat(again.get("/pipelines?status=success").json().path("runs")).isNotEmpty();
    }
  }

  private static void createDatabase(String name) {
    try {
      run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "factory", name));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path findBin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (var versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .sorted().reduce((a, b) -> b).orElse(null);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean hasUser(String name) {
    try {
      return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(line -> line.startsWith(name + ":"));
    } catch (IOException e) {
      return false;
    }
  }

  /** initdb refuses to run as root; run the cluster as the postgres user then. */
  private static List<String> asPostgres(List<String> command) {
    if (!isRoot()) {
      return command;
    }
    List<String> wrapped = new java.util.ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }
}
