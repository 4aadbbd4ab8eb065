package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.agent.tool.HookDecision;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolExecution;
import dev.darkfactory.agent.tool.ToolHook;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tool_hooks.pre} and {@code tool_hooks.post} (attractor-spec.md 9.7): shell commands run
 * around every tool call of an agent stage, the node's command winning over the graph's. A hook
 * gets the call's metadata as environment variables ({@code ATTRACTOR_HOOK}, {@code
 * ATTRACTOR_TOOL_NAME}, {@code ATTRACTOR_TOOL_CALL_ID}, {@code ATTRACTOR_NODE_ID}, {@code
 * ATTRACTOR_RUN_ID}, {@code ATTRACTOR_STAGE_DIR}, and for the post-hook {@code
 * ATTRACTOR_TOOL_IS_ERROR}) and as JSON on stdin ({@code hook}, {@code tool_name}, {@code call_id},
 * {@code arguments}, {@code node_id}, {@code run_id}, and {@code output}, {@code is_error} after
 * the call). Values travel as data, never spliced into the command, so they cannot inject shell.
 * Besides those, a hook inherits what the backend's {@link EnvironmentPolicy} allows, plus the
 * graph's and node's {@code pass_env}.
 *
 * <p>A pre-hook exiting non-zero skips the call: the model gets an error result saying so. A
 * post-hook failure is only recorded. Every hook run is appended to {@code tool-hooks.jsonl} in the
 * stage directory, and skips and failures are shown as stage notes.
 */
final class ShellToolHooks implements ToolHook {
  static final String LOG_FILE = "tool-hooks.jsonl";
  private static final int MAX_CAPTURE = 8 * 1024;

  /** The hook commands of one stage. */
  record Commands(Optional<String> pre, Optional<String> post) {
    static Commands of(Node node, Graph graph) {
      return new Commands(node.toolHooksPre().or(graph::toolHooksPre), node.toolHooksPost().or(graph::toolHooksPost));
    }
  }

  private final Supplier<Optional<StageRun>> current;
  private final Duration timeout;
  private final EnvironmentPolicy policy;

  ShellToolHooks(Supplier<Optional<StageRun>> current, Duration timeout, EnvironmentPolicy policy) {
    this.current = current;
    this.timeout = timeout;
    this.policy = policy;
  }

  @Override
  public HookDecision beforeToolCall(ToolCall call, ToolContext context) {
    StageRun stage = current.get().orElse(null);
    if (stage == null || stage.hooks.pre().isEmpty()) {
      return HookDecision.proceed();
    }
    ObjectNode input = input("pre", call, stage);
    HookRun run = run(stage.hooks.pre().get(), input, stage, Map.of());
    record(stage, run, call, "pre");
    if (run.exitCode() == 0) {
      return HookDecision.proceed();
    }
    String why = "the pre-hook exited with " + describe(run);
    stage.note("tool_hooks.pre skipped " + call.name() + ": " + why);
    return HookDecision.skip(why);
  }

  @Override
  public ToolExecution afterToolCall(ToolCall call, ToolExecution execution) {
    StageRun stage = current.get().orElse(null);
    if (stage == null || stage.hooks.post().isEmpty()) {
      return execution;
    }
    ObjectNode input = input("post", call, stage).put("output", execution.fullOutput()).put("is_error", execution.isError());
    HookRun run = run(stage.hooks.post().get(), input, stage, Map.of("ATTRACTOR_TOOL_IS_ERROR", String.valueOf(execution.isError())));
    record(stage, run, call, "post");
    if (run.exitCode() != 0) {
      stage.note("tool_hooks.post failed after " + call.name() + ": " + describe(run));
    }
    return execution;
  }

  private static ObjectNode input(String hook, ToolCall call, StageRun stage) {
    ObjectNode input = JsonValues.object().put("hook", hook).put("tool_name", call.name()).put("call_id", call.id());
    input.set("arguments", call.arguments());
    return input.put("node_id", stage.nodeIdValue()).put("run_id", stage.request.events().runId());
  }

  /** One hook process: its exit code (-1 when it could not run or timed out), and what it said. */
  record HookRun(int exitCode, String stdout, String stderr, Duration took, Optional<String> problem) {}

  private HookRun run(String command, ObjectNode input, StageRun stage, Map<String, String> extra) {
    long started = System.nanoTime();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ATTRACTOR_HOOK", input.path("hook").asString());
    env.put("ATTRACTOR_TOOL_NAME", input.path("tool_name").asString());
    env.put("ATTRACTOR_TOOL_CALL_ID", input.path("call_id").asString());
    env.put("ATTRACTOR_NODE_ID", stage.nodeIdValue());
    env.put("ATTRACTOR_RUN_ID", stage.request.events().runId());
    env.put("ATTRACTOR_STAGE_DIR", stage.stageDir().toString());
    env.putAll(extra);
    ProcessBuilder builder = policy.passing(stage.passEnv())
        .applyTo(new ProcessBuilder("sh", "-c", command).directory(stage.request.workdir().toFile()), env);
    try {
      Process process = builder.start();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(JsonValues.compact(input).getBytes(StandardCharsets.UTF_8));
      } catch (IOException closedEarly) {
        // A hook that does not read its stdin may close it; that is its right.
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new HookRun(-1, "", "", elapsed(started), Optional.of("timed out after " + timeout.toSeconds() + "s"));
      }
      return new HookRun(process.exitValue(), out.join(), err.join(), elapsed(started), Optional.empty());
    } catch (IOException e) {
      return new HookRun(-1, "", "", elapsed(started), Optional.of("could not start: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HookRun(-1, "", "", elapsed(started), Optional.of("interrupted"));
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        byte[] bytes = stream.readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > MAX_CAPTURE ? text.substring(0, MAX_CAPTURE) + "\n[truncated]" : text;
      } catch (IOException e) {
        return "";
      }
    }, runnable -> Thread.ofVirtual().start(runnable));
  }

  private static String describe(HookRun run) {
    String said = run.stderr().strip().isEmpty() ? run.stdout().strip() : run.stderr().strip();
    String first = said.lines().findFirst().orElse("");
    return run.problem().orElse("exit code " + run.exitCode()) + (first.isEmpty() ? "" : ": " + first);
  }

  private static void record(StageRun stage, HookRun run, ToolCall call, String hook) {
    ObjectNode line = JsonValues.object().put("hook", hook).put("tool_name", call.name()).put("call_id", call.id())
        .put("exit_code", run.exitCode()).put("skipped_call", hook.equals("pre") && run.exitCode() != 0)
        .put("duration_ms", run.took().toMillis()).put("stdout", run.stdout()).put("stderr", run.stderr());
    run.problem().ifPresent(problem -> line.put("problem", problem));
    Path log = stage.stageDir().resolve(LOG_FILE);
    synchronized (stage) {
      try {
        Files.writeString(log, JsonValues.compact(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        // Losing the audit line must not veto or fail the tool call; the note keeps the fact visible.
        stage.note("could not append to " + LOG_FILE + ": " + e.getMessage());
      }
    }
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
