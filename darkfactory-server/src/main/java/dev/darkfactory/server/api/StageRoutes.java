package dev.darkfactory.server.api;

import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.run.RunFiles;
import dev.darkfactory.server.run.RunIds;
import dev.darkfactory.server.run.RunManager;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Each stage's files (attractor-spec.md 5.6): {@code prompt.md}, {@code response.md}, {@code
 * status.json}, agent events and whatever else the stage wrote. Node and file names are checked
 * against strict patterns and the resolved path must stay inside the stage directory (symbolic
 * links are not followed), so no request can read outside the data directory.
 */
final class StageRoutes {
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
  /** Short names for the files of 5.6 and the agent's event log. */
  private static final Map<String, String> ARTIFACTS = Map.of(
      "prompt", "prompt.md",
      "response", "response.md",
      "status", "status.json",
      "agent-events", "agent-events.jsonl");
  private static final long MAX_FILE = 4 * 1024 * 1024;

  private final RunManager runs;

  StageRoutes(RunManager runs) {
    this.runs = runs;
  }

  void register(RoutesConfig routes) {
    routes.get("/pipelines/{id}/stages", ctx -> ctx.json(Map.of("stages", runs.detail(ctx.pathParam("id")).stages())));
    routes.get("/pipelines/{id}/stages/{node}", ctx -> {
      Path dir = stageDir(ctx);
      List<Map<String, Object>> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted()
            .map(p -> Map.<String, Object>of("name", p.getFileName().toString(), "bytes", size(p))).toList();
      }
      ctx.json(Map.of("node_id", ctx.pathParam("node"), "files", files));
    });
    routes.get("/pipelines/{id}/stages/{node}/files/{name}", ctx -> send(ctx, ctx.pathParam("name")));
    routes.get("/pipelines/{id}/stages/{node}/{artifact}", ctx -> {
      String file = ARTIFACTS.get(ctx.pathParam("artifact"));
      if (file == null) {
        throw new ServerException.NotFound("no artifact \"" + clip(ctx.pathParam("artifact")) + "\"; use prompt, response, status, agent-events or files/NAME");
      }
      send(ctx, file);
    });
  }

  private Path stageDir(Context ctx) {
    String id = RunIds.requireRunId(ctx.pathParam("id"));
    String node = RunIds.requireNodeId(ctx.pathParam("node"));
    // After loop_restart edges the latest visit of a node is in the newest restart-N segment.
    RunDirectory run = runs.directory(id);
    for (RunDirectory segment = RunFiles.latestSegment(run); ; segment = previous(run, segment)) {
      Path root = segment.root();
      Path dir = root.resolve(node).normalize();
      if (dir.startsWith(root) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return dir;
      }
      if (segment.root().equals(run.root())) {
        throw new ServerException.NotFound("stage " + node + " of run " + id + " has no files (yet)");
      }
    }
  }

  private static RunDirectory previous(RunDirectory run, RunDirectory segment) {
    String name = segment.root().getFileName().toString();
    int n = Integer.parseInt(name.substring("restart-".length()));
    return n <= 1 ? run : run.restart(n - 1);
  }

  private void send(Context ctx, String name) throws IOException {
    if (!FILE.matcher(name).matches()) {
      throw new ServerException.NotFound("no file " + clip(name));
    }
    Path dir = stageDir(ctx);
    Path file = dir.resolve(name).normalize();
    if (!file.startsWith(dir) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ServerException.NotFound("stage " + ctx.pathParam("node") + " has no " + name);
    }
    long size = Files.size(file);
    byte[] bytes;
    try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes((int) Math.min(size, MAX_FILE));
    }
    if (size > MAX_FILE) {
      ctx.header("X-Truncated", "true");
    }
    ctx.contentType(contentType(name)).header("X-Content-Type-Options", "nosniff").result(bytes);
  }

  private static String contentType(String name) {
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".jsonl")) {
      return "application/x-ndjson; charset=utf-8";
    }
    // Markdown and logs are served as plain text: the UI renders them itself, and nothing stage-written is ever HTML here.
    return "text/plain; charset=" + StandardCharsets.UTF_8.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
