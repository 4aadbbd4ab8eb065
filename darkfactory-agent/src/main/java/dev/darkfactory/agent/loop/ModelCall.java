package dev.darkfactory.agent.loop;

import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.RetryPolicy;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One LLM call of the loop (coding-agent-loop-spec §2.5 steps 2-3): builds the request from the
 * profile, the history and the current configuration (so a changed reasoning effort applies to the
 * very next call, §2.7), sends it with the client's retry policy, and streams the text as {@code
 * ASSISTANT_TEXT_START}/{@code DELTA} events. A single call with no SDK-level tool loop.
 */
final class ModelCall {
  private final SessionCore core;

  ModelCall(SessionCore core) {
    this.core = core;
  }

  Response call(String systemPrompt) {
    SessionConfig config = core.config();
    ProviderProfile profile = core.profile();
    AbortSignal signal = core.newCallSignal();
    try {
      Request request = request(systemPrompt, config, profile, signal);
      boolean stream = config.streaming() && profile.supportsStreaming();
      RetryPolicy retries = config.retryPolicy().withListener((error, attempt, delay) ->
          core.emit(new AgentEvent.Warning(core.id(), core.now(), "LLM call failed (" + error.kind() + ": "
              + error.getMessage() + "); retry " + attempt + " in " + delay.toMillis() + " ms")));
      return retries.execute(() -> stream ? streamed(request) : completed(request), Optional.of(signal));
    } finally {
      core.callFinished();
    }
  }

  private Request request(String systemPrompt, SessionConfig config, ProviderProfile profile, AbortSignal signal) {
    List<Message> messages = new ArrayList<>();
    messages.add(Message.system(systemPrompt));
    messages.addAll(core.history().toMessages());
    Request.Builder builder = Request.builder(profile.model())
        .messages(messages)
        .tools(profile.tools())
        .toolChoice(ToolChoice.auto())
        .provider(profile.id())
        .providerOptions(profile.providerOptions())
        .abortSignal(signal);
    config.reasoningEffort().ifPresent(builder::reasoningEffort);
    config.maxOutputTokens().or(profile::defaultMaxOutputTokens).ifPresent(builder::maxTokens);
    return builder.build();
  }

  private Response streamed(Request request) {
    boolean started = false;
    try (EventStream events = core.client().stream(request)) {
      for (StreamEvent event : events) {
        switch (event) {
          case StreamEvent.TextStart ignored -> started = textStarted(started);
          case StreamEvent.TextDelta delta -> {
            started = textStarted(started);
            core.emit(new AgentEvent.AssistantTextDelta(core.id(), core.now(), delta.delta()));
          }
          case StreamEvent.Finish finish -> {
            return finish.response();
          }
          case StreamEvent.Error error -> throw error.error();
          // Reasoning and tool calls arrive folded into the final response; nothing to emit early.
          case StreamEvent.StreamStart ignored -> { }
          case StreamEvent.TextEnd ignored -> { }
          case StreamEvent.ReasoningStart ignored -> { }
          case StreamEvent.ReasoningDelta ignored -> { }
          case StreamEvent.ReasoningEnd ignored -> { }
          case StreamEvent.ToolCallStart ignored -> { }
          case StreamEvent.ToolCallDelta ignored -> { }
          case StreamEvent.ToolCallEnd ignored -> { }
          case StreamEvent.StepFinish ignored -> { }
          case StreamEvent.ProviderEvent ignored -> { }
        }
      }
    }
    throw new StreamException("The response stream ended without a finish event");
  }

  private boolean textStarted(boolean started) {
    if (!started) {
      core.emit(new AgentEvent.AssistantTextStart(core.id(), core.now()));
    }
    return true;
  }

  private Response completed(Request request) {
    Response response = core.client().complete(request);
    if (!response.text().isEmpty()) {
      core.emit(new AgentEvent.AssistantTextStart(core.id(), core.now()));
      core.emit(new AgentEvent.AssistantTextDelta(core.id(), core.now(), response.text()));
    }
    return response;
  }

  /** Whether {@code error} ended the call because the session is aborting. */
  static boolean isAbort(LlmException error, SessionCore core) {
    return core.aborted() || error instanceof dev.darkfactory.llm.AbortException;
  }
}
