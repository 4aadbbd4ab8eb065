package dev.darkfactory.server.api;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.pipeline.LoadedPipeline;
import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.graph.DurationText;
import dev.darkfactory.pipeline.problem.InvalidValueException;
import dev.darkfactory.pipeline.backend.ScriptedBackend;
import dev.darkfactory.pipeline.problem.DiagnosticSummary;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.dto.BudgetsDto;
import dev.darkfactory.server.dto.RunList;
import dev.darkfactory.server.dto.SubmitRequest;
import dev.darkfactory.server.dto.SubmitResponse;
import dev.darkfactory.server.run.RunIds;
import dev.darkfactory.server.run.RunManager;
import dev.darkfactory.server.run.RunOptions;
import dev.darkfactory.server.store.IndexedRun;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Runs (attractor-spec.md 9.5): submit, list, status, cancel, resume, checkpoint and context.
 */
final class PipelineRoutes {
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,63}");
  private static final Pattern STARTED_BY = Pattern.compile("[\\p{L}\\p{N} ._@-]{1,64}");
  private static final Set<String> STATUSES = Set.of(IndexedRun.RUNNING, IndexedRun.SUCCESS, IndexedRun.SUCCESS_WITH_FAILURES, IndexedRun.FAIL,
      IndexedRun.STOPPED, IndexedRun.INTERRUPTED);
  private static final int MAX_VARIABLES = 64;
  private static final int MAX_VALUE = 4000;
  private static final int MAX_GOAL = 4000;

  private final RunManager runs;
  private final long maxBytes;

  PipelineRoutes(RunManager runs, long maxBytes) {
    this.runs = runs;
    this.maxBytes = maxBytes;
  }

  void register(RoutesConfig routes) {
    routes.post("/pipelines", this::submit);
    routes.get("/pipelines", this::list);
    routes.get("/pipelines/{id}", ctx -> ctx.json(runs.detail(ctx.pathParam("id"))));
    routes.post("/pipelines/{id}/cancel", ctx -> {
      String id = ctx.pathParam("id");
      runs.cancel(id);
      ctx.status(202).json(runs.summary(id));
    });
    routes.post("/pipelines/{id}/resume", ctx -> {
      String id = ctx.pathParam("id");
      runs.resume(id);
      ctx.status(202).json(runs.summary(id));
    });
    routes.get("/pipelines/{id}/checkpoint", ctx -> ctx.contentType("application/json").result(checkpoint(ctx.pathParam("id"))));
    routes.get("/pipelines/{id}/context", ctx -> {
      var checkpoint = JsonValues.parse(checkpoint(ctx.pathParam("id")));
      var body = JsonValues.object();
      body.put("run_id", ctx.pathParam("id"));
      body.put("as_of", checkpoint.path("timestamp").asString(""));
      body.put("current_node", checkpoint.path("current_node").asString(""));
      body.set("context", checkpoint.path("context").isObject() ? checkpoint.get("context") : JsonValues.object());
      ctx.contentType("application/json").result(JsonValues.compact(body));
    });
  }

  private void submit(Context ctx) {
    SubmitRequest request = Bodies.read(ctx, SubmitRequest.class, maxBytes);
    if (request.dot() == null || request.dot().isBlank()) {
      throw new ServerException.BadRequest("\"dot\" is required: the pipeline's DOT source");
    }
    RunOptions options = options(request);
    LoadedPipeline pipeline = load(runs, request.dot(), options.goal());
    String id = runs.submit(pipeline, request.dot(), options);
    ctx.status(201).header("Location", "/pipelines/" + id)
        .json(new SubmitResponse(id, IndexedRun.RUNNING, "/pipelines/" + id, "/pipelines/" + id + "/events"));
  }

  /** Loads and validates; syntax and validation errors become a 400 with the diagnostics. */
  static LoadedPipeline load(RunManager runs, String dot, Optional<String> goal) {
    LoadedPipeline pipeline;
    try {
      pipeline = runs.load(dot, goal);
    } catch (DotSyntaxException e) {
      throw new ServerException.InvalidPipeline("the DOT source has a syntax error: " + e.problem(), List.of(Diagnostics.of(e)));
    } catch (PipelineException e) {
      throw new ServerException.BadRequest("the pipeline cannot be loaded: " + e.getMessage());
    }
    if (pipeline.hasErrors()) {
      throw new ServerException.InvalidPipeline("the pipeline has " + pipeline.errors().size() + " validation error(s)",
          Diagnostics.of(DiagnosticSummary.of(pipeline.diagnostics())));
    }
    return pipeline;
  }

  private RunOptions options(SubmitRequest request) {
    String backend = request.backend().map(name -> BackendKind.fromWire(name).map(BackendKind::wire).orElse(name))
        .orElse(runs.backends().getFirst());
    if (!runs.backends().contains(backend)) {
      throw new ServerException.BadRequest("unknown backend \"" + backend + "\"; this server offers " + String.join(", ", runs.backends()));
    }
    Optional<String> script = request.script().map(JsonValues::compact);
    if (backend.equals(BackendKind.SCRIPTED.wire())) {
      String text = script.orElseThrow(() -> new ServerException.BadRequest("the scripted backend needs \"script\": {\"nodes\": {...}}"));
      try {
        ScriptedBackend.parse(Path.of("script"), text);
      } catch (PipelineException e) {
        throw new ServerException.BadRequest(e.getMessage());
      }
    } else if (script.isPresent()) {
      throw new ServerException.BadRequest("\"script\" is only for the scripted backend");
    }
    request.goal().ifPresent(goal -> {
      if (goal.length() > MAX_GOAL || hasControl(goal)) {
        throw new ServerException.BadRequest("\"goal\" must be at most " + MAX_GOAL + " characters without control characters");
      }
    });
    if (request.context().size() > MAX_VARIABLES) {
      throw new ServerException.BadRequest("at most " + MAX_VARIABLES + " context values");
    }
    for (Map.Entry<String, String> variable : request.context().entrySet()) {
      if (!VARIABLE.matcher(variable.getKey()).matches()) {
        throw new ServerException.BadRequest("context key \"" + clip(variable.getKey()) + "\" must match " + VARIABLE.pattern());
      }
      if (variable.getValue() == null || variable.getValue().length() > MAX_VALUE) {
        throw new ServerException.BadRequest("context value " + variable.getKey() + " must be a string of at most " + MAX_VALUE + " characters");
      }
    }
    String startedBy = request.startedBy().orElse("api");
    if (!STARTED_BY.matcher(startedBy).matches()) {
      throw new ServerException.BadRequest("\"started_by\" must be 1 to 64 letters, digits, spaces or ._@-");
    }
    if (request.passEnv().size() > MAX_VARIABLES) {
      throw new ServerException.BadRequest("\"pass_env\" names at most " + MAX_VARIABLES + " variables");
    }
    for (String name : request.passEnv()) {
      EnvironmentPolicy.nameProblem(name).ifPresent(problem -> {
        throw new ServerException.BadRequest("\"pass_env\": " + clip(String.valueOf(name)) + " is not an environment variable name:"
            + " use letters, digits and _, not starting with a digit");
      });
    }
    return new RunOptions(backend, script, request.goal(), request.context(), budgets(request.budgets()), startedBy, request.passEnv());
  }

  /**
   * The budgets, each validated by the code that validates {@code factory run}'s options, so a
   * wrong one gets the same message here as there ({@code RunBudget}, {@code DurationText}).
   */
  private static RunOptions.Budgets budgets(Optional<BudgetsDto> dto) {
    if (dto.isEmpty()) {
      return RunOptions.Budgets.none();
    }
    BudgetsDto b = dto.get();
    if (b.timeout().isPresent() && b.maxSeconds().isPresent()) {
      throw new ServerException.BadRequest("give budgets.timeout (a duration such as \"30m\") or its old name max_seconds, not both");
    }
    try {
      OptionalLong tokens = b.maxTokens().map(n -> OptionalLong.of(RunBudget.parseMaxTokens(text(n)))).orElse(OptionalLong.empty());
      Optional<BigDecimal> cost = b.maxCostUsd().map(n -> RunBudget.parseMaxCostUsd(text(n)));
      Optional<Duration> timeout = b.timeout().map(n -> duration("timeout", n.isString() ? n.asString() : text(n)))
          .or(() -> b.maxSeconds().map(PipelineRoutes::seconds));
      return new RunOptions.Budgets(tokens, cost, timeout);
    } catch (InvalidValueException e) {
      throw new ServerException.BadRequest(e.getMessage());
    }
  }

  /** A number as written in the body; anything else as its JSON, which the validation then refuses by name. */
  private static String text(JsonNode node) {
    return node.isString() ? node.asString() : node.toString();
  }

  private static Duration duration(String field, String text) {
    try {
      return DurationText.parse(text);
    } catch (InvalidValueException e) {
      throw new InvalidValueException("budgets." + field + ": " + e.getMessage());
    }
  }

  /** The deprecated {@code max_seconds}: a whole number of seconds. */
  private static Duration seconds(JsonNode node) {
    try {
      return DurationText.parseSeconds(node.isNumber() ? node.asString() : text(node));
    } catch (InvalidValueException e) {
      throw new InvalidValueException("budgets.max_seconds: " + e.getMessage() + " (or send budgets.timeout, a duration such as \"1h\")");
    }
  }


  private void list(Context ctx) {
    Optional<String> status = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isEmpty());
    if (status.isPresent() && !STATUSES.contains(status.get())) {
      throw new ServerException.BadRequest("unknown status \"" + clip(status.get()) + "\"; use one of " + String.join(", ", STATUSES.stream().sorted().toList()));
    }
    int limit = 200;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 1000) {
        throw new ServerException.BadRequest("\"limit\" must be 1 to 1000");
      }
    }
    ctx.json(new RunList(runs.list(status, limit)));
  }

  private String checkpoint(String id) {
    runs.summary(RunIds.requireRunId(id));
    Path file = dev.darkfactory.server.run.RunFiles.latestSegment(runs.directory(id)).checkpoints().file();
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ServerException.NotFound("run " + id + " has no checkpoint yet (one is written after the first node)");
    } catch (java.io.IOException e) {
      throw new ServerException.StorageFailed("cannot read the checkpoint of run " + id + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r');
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
