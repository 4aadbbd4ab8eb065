package dev.darkfactory.server.store;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.server.ServerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run index in SQL: SQLite in the data directory by default, PostgreSQL when given a URL. One
 * table; the statements are the portable subset both speak ({@code ON CONFLICT ... DO UPDATE}),
 * so there is one implementation. A single connection is shared under a lock: index writes are a
 * handful per run, far from a bottleneck, and SQLite allows one writer anyway.
 */
public final class JdbcRunIndex implements RunIndex {
  private static final String COLUMNS = "id, name, goal, status, started_at, finished_at, started_by, backend, error, tokens, cost_usd";

  private final Connection connection;
  private final String kind;

  private JdbcRunIndex(Connection connection, String kind) {
    this.connection = connection;
    this.kind = kind;
  }

  /** The index a {@code --index} value names: a PostgreSQL URL, or empty for SQLite in {@code dataDir}. */
  public static JdbcRunIndex open(java.util.Optional<String> url, Path dataDir) {
    if (url.isEmpty()) {
      return sqlite(dataDir);
    }
    if (!PostgresUrls.isPostgres(url.get())) {
      throw new ServerException.ConfigurationInvalid("--index must be a PostgreSQL URL (postgresql://user:password@host:5432/db or jdbc:postgresql://...), not " + PostgresUrls.redacted(url.get()));
    }
    return postgres(url.get());
  }

  /** The SQLite index at {@code dataDir/index.db}, created when missing. */
  public static JdbcRunIndex sqlite(Path dataDir) {
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new ServerException.ConfigurationInvalid("the data directory " + dataDir + " is a file, not a directory: pass --data a directory"
          + " for the runs and the run index (a new one is created)");
    }
    try {
      Files.createDirectories(dataDir);
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("index.db"));
      try (Statement statement = connection.createStatement()) {
        // WAL lets readers proceed while a run's final state is written; the busy timeout covers a second server process.
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA busy_timeout=5000");
      }
      return migrate(connection, "sqlite");
    } catch (java.io.IOException | SQLException e) {
      throw new ServerException.StorageFailed("cannot open the run index in " + dataDir + ": "
          + IoReasons.of(e), e);
    }
  }

  /**
   * A PostgreSQL index. Accepts {@code jdbc:postgresql://host:port/db?user=..&password=..} and the
   * libpq form {@code postgresql://user:password@host:port/db}.
   */
  public static JdbcRunIndex postgres(String url) {
    String jdbc = PostgresUrls.toJdbc(url);
    try {
      Connection connection = DriverManager.getConnection(jdbc, PostgresUrls.credentials(url));
      return migrate(connection, "postgresql");
    } catch (SQLException e) {
      throw new ServerException.StorageFailed("cannot connect to the PostgreSQL index at " + PostgresUrls.redacted(url) + ": " + e.getMessage(), e);
    }
  }

  private static JdbcRunIndex migrate(Connection connection, String kind) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("""
          CREATE TABLE IF NOT EXISTS factory_runs (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            goal TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at BIGINT NOT NULL,
            finished_at BIGINT,
            started_by TEXT NOT NULL,
            backend TEXT NOT NULL,
            error TEXT,
            tokens BIGINT,
            cost_usd DOUBLE PRECISION
          )""");
      statement.execute("CREATE INDEX IF NOT EXISTS factory_runs_started ON factory_runs (started_at)");
      statement.execute("CREATE INDEX IF NOT EXISTS factory_runs_status ON factory_runs (status)");
    }
    return new JdbcRunIndex(connection, kind);
  }

  @Override
  public synchronized void save(IndexedRun run) {
    String sql = "INSERT INTO factory_runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, goal = excluded.goal, status = excluded.status,"
        + " started_at = excluded.started_at, finished_at = excluded.finished_at, started_by = excluded.started_by,"
        + " backend = excluded.backend, error = excluded.error, tokens = excluded.tokens, cost_usd = excluded.cost_usd";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, run.id());
      statement.setString(2, run.name());
      statement.setString(3, run.goal());
      statement.setString(4, run.status());
      statement.setLong(5, run.startedAt().toEpochMilli());
      setLong(statement, 6, run.finishedAt().map(Instant::toEpochMilli));
      statement.setString(7, run.startedBy());
      statement.setString(8, run.backend());
      if (run.error().isPresent()) {
        statement.setString(9, run.error().get());
      } else {
        statement.setNull(9, Types.VARCHAR);
      }
      setLong(statement, 10, run.tokens());
      if (run.costUsd().isPresent()) {
        statement.setDouble(11, run.costUsd().get());
      } else {
        statement.setNull(11, Types.DOUBLE);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw failed("save run " + run.id(), e);
    }
  }

  @Override
  public synchronized Optional<IndexedRun> find(String id) {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM factory_runs WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed("read run " + id, e);
    }
  }

  @Override
  public synchronized List<IndexedRun> list(Optional<String> status, int limit) {
    String sql = "SELECT " + COLUMNS + " FROM factory_runs" + (status.isPresent() ? " WHERE status = ?" : "")
        + " ORDER BY started_at DESC, id DESC LIMIT ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      if (status.isPresent()) {
        statement.setString(i++, status.get());
      }
      statement.setInt(i, limit);
      List<IndexedRun> runs = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          runs.add(read(rows));
        }
      }
      return List.copyOf(runs);
    } catch (SQLException e) {
      throw failed("list runs", e);
    }
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failed("close the index", e);
    }
  }

  private static IndexedRun read(ResultSet row) throws SQLException {
    long finished = row.getLong("finished_at");
    Optional<Instant> finishedAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
    long tokens = row.getLong("tokens");
    Optional<Long> tokenCount = row.wasNull() ? Optional.empty() : Optional.of(tokens);
    double cost = row.getDouble("cost_usd");
    Optional<Double> costUsd = row.wasNull() ? Optional.empty() : Optional.of(cost);
    return new IndexedRun(row.getString("id"), row.getString("name"), row.getString("goal"), row.getString("status"),
        Instant.ofEpochMilli(row.getLong("started_at")), finishedAt, row.getString("started_by"), row.getString("backend"),
        Optional.ofNullable(row.getString("error")), tokenCount, costUsd);
  }

  private static void setLong(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private ServerException failed(String what, SQLException e) {
    return new ServerException.StorageFailed("the " + kind + " run index could not " + what + ": " + e.getMessage(), e);
  }
}
