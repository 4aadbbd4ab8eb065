package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The producer behind a {@link StreamResult}: runs the tool loop over streaming calls on its own virtual thread.
 * Only opening a stream is retried; once events flowed, a failure is the final Error event (§6.6). Each step's
 * Finish becomes a StepFinish except the last, so a consumer sees exactly one Finish or Error at the end.
 */
final class StreamLoop implements Runnable {

  private final Client client;
  private final GenerateOptions options;
  private final Generator.Operation operation;
  private final ToolExecutor executor;
  private final StreamResult sink;

  StreamLoop(Client client, GenerateOptions options, Generator.Operation operation, ToolExecutor executor, StreamResult sink) {
    this.client = client;
    this.options = options;
    this.operation = operation;
    this.executor = executor;
    this.sink = sink;
  }

  @Override
  public void run() {
    try {
      List<Message> conversation = new ArrayList<>(options.initialConversation());
      List<StepResult> steps = new ArrayList<>();
      for (int round = 0; ; round++) {
        Request request = options.request(conversation, operation.signal());
        Optional<Response> response = streamStep(request);
        if (response.isEmpty()) {
          return;
        }
        List<ToolResult> results = Generator.shouldExecute(options, response.get(), round)
            ? executor.executeAll(response.get().toolCalls(), Generator.toolsByName(options), conversation, operation.signal())
            : List.of();
        operation.signal().throwIfAborted();
        steps.add(new StepResult(response.get(), response.get().toolCalls(), results));
        sink.addStep(steps.get(steps.size() - 1));
        if (results.isEmpty() || (options.stopWhen().isPresent() && options.stopWhen().get().shouldStop(steps))) {
          Response last = response.get();
          sink.emit(new StreamEvent.Finish(last.finishReason(), last.usage(), last));
          return;
        }
        sink.emit(new StreamEvent.StepFinish(response.get(), results));
        conversation.addAll(Generator.continuation(response.get(), results));
      }
    } catch (LlmException e) {
      sink.emit(new StreamEvent.Error(e));
    } catch (RuntimeException e) {
      sink.emit(new StreamEvent.Error(new StreamException("The stream loop failed: " + e, e)));
    } finally {
      operation.finish();
    }
  }

  /** Streams one step, forwarding its events; empty when it ended in an error (already forwarded). */
  private Optional<Response> streamStep(Request request) {
    try (EventStream events = options.retryPolicy().execute(() -> client.stream(request), Optional.of(operation.signal()))) {
      for (StreamEvent event : events) {
        switch (event) {
          case StreamEvent.Finish finish -> {
            return Optional.of(finish.response());
          }
          case StreamEvent.Error error -> {
            sink.emit(error);
            return Optional.empty();
          }
          default -> sink.emit(event);
        }
      }
    }
    sink.emit(new StreamEvent.Error(new StreamException("The stream ended without a finish event")));
    return Optional.empty();
  }
}
