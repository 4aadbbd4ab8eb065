package dev.darkfactory.llm.internal.http;

import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.RequestTimeoutException;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.internal.sse.SseEvent;
import dev.darkfactory.llm.internal.sse.SseReader;
import dev.darkfactory.llm.internal.sse.SseStreamCutException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * An {@link EventStream} that pulls server-sent events from a response body on the consumer's thread and translates
 * them. Every way a stream can fail ends it with one {@link StreamEvent.Error}: an idle timeout, an abort, a cut
 * connection, a malformed frame, or a clean close before the provider's terminal event.
 */
public final class SseEventStream implements EventStream {

  private final InputStream body;
  private final SseReader reader;
  private final StreamTranslator translator;
  private final Optional<AbortSignal> abort;
  private final Optional<AbortSignal.Registration> hook;
  private final Deque<StreamEvent> pending = new ArrayDeque<>();
  private boolean done;
  private boolean iterated;

  public SseEventStream(InputStream body, StreamTranslator translator, Optional<AbortSignal> abort) {
    this.body = body;
    this.reader = new SseReader(body);
    this.translator = translator;
    this.abort = abort;
    this.hook = abort.map(signal -> signal.onAbort(this::closeBody));
  }

  @Override
  public Iterator<StreamEvent> iterator() {
    if (iterated) {
      throw new IllegalStateException("An EventStream can be iterated only once");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        fillPending();
        return !pending.isEmpty();
      }

      @Override
      public StreamEvent next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.removeFirst();
      }
    };
  }

  private void fillPending() {
    while (pending.isEmpty() && !done) {
      try {
        Optional<SseEvent> event = reader.next();
        if (event.isEmpty()) {
          finish(translator.onClose());
        } else {
          pending.addAll(translator.onEvent(event.get()));
          if (translator.finished()) {
            finish(java.util.List.of());
          }
        }
      } catch (LlmException e) {
        fail(e);
      } catch (JacksonException e) {
        fail(new StreamException("The provider sent a malformed stream frame: " + e.getOriginalMessage(), e));
      } catch (IOException e) {
        fail(translate(e));
      } catch (RuntimeException e) {
        fail(new StreamException("The stream could not be translated: " + e, e));
      }
    }
  }

  private LlmException translate(IOException e) {
    if (abort.isPresent() && abort.get().isAborted()) {
      return abort.get().reason().orElseThrow();
    }
    if (e instanceof StreamingBody.StreamIdleException) {
      return new RequestTimeoutException(e.getMessage() + " (stream idle timeout)", e);
    }
    if (e instanceof SseStreamCutException) {
      return new StreamException(e.getMessage(), e);
    }
    return new StreamException("The response stream broke off: " + e.getMessage(), e);
  }

  private void finish(java.util.List<StreamEvent> closing) {
    pending.addAll(closing);
    done = true;
    close();
  }

  private void fail(LlmException error) {
    pending.add(new StreamEvent.Error(error));
    done = true;
    close();
  }

  private void closeBody() {
    try {
      body.close();
    } catch (IOException ignored) {
      // Closing only releases the connection; there is nothing left to report.
    }
  }

  @Override
  public void close() {
    hook.ifPresent(AbortSignal.Registration::remove);
    closeBody();
  }
}
