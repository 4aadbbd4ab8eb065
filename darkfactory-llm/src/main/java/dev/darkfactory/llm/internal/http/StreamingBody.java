package dev.darkfactory.llm.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} with an idle watchdog built in. The JDK's own {@code ofInputStream()}
 * blocks forever on a stalled body (the request timeout stops at the headers) and cannot be unblocked by
 * {@code close()} from another thread; here every read waits at most {@code idleTimeout} for the next chunk and
 * {@link #close()} wakes a blocked reader at once.
 */
final class StreamingBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

  private static final Object COMPLETE = new Object();
  private static final Object CLOSED = new Object();
  /**
   * Buffer lists requested ahead of the reader. Asking for one at a time costs a thread hand-off per network read
   * and cut loopback throughput tenfold; a bounded window keeps memory bounded for a slow reader.
   */
  private static final int WINDOW = 64;

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Deque<ByteBuffer> chunks = new ArrayDeque<>();
  private final long idleMillis;
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;
  private boolean finished;
  private int consumedSinceRequest;

  StreamingBody(Duration idleTimeout) {
    this.idleMillis = idleTimeout.toMillis();
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    this.subscription = newSubscription;
    if (closed) {
      newSubscription.cancel();
    } else {
      newSubscription.request(WINDOW);
    }
  }

  /** Whether the HTTP client began delivering the body (so the status line and headers had arrived). */
  boolean started() {
    return subscription != null;
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(throwable);
  }

  @Override
  public void onComplete() {
    queue.add(COMPLETE);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    ByteBuffer current = nextChunk();
    if (current == null) {
      return -1;
    }
    int n = Math.min(length, current.remaining());
    current.get(target, offset, n);
    return n;
  }

  private ByteBuffer nextChunk() throws IOException {
    while (true) {
      if (closed) {
        throw new StreamClosedException();
      }
      ByteBuffer head = chunks.peekFirst();
      if (head != null && head.hasRemaining()) {
        return head;
      }
      if (head != null) {
        chunks.removeFirst();
        continue;
      }
      if (finished) {
        return null;
      }
      take();
    }
  }

  @SuppressWarnings("unchecked")
  private void take() throws IOException {
    Object item;
    try {
      item = queue.poll(idleMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("Interrupted while reading the response stream");
    }
    if (item == null) {
      throw new StreamIdleException(idleMillis);
    }
    if (item == COMPLETE) {
      finished = true;
    } else if (item == CLOSED) {
      throw new StreamClosedException();
    } else if (item instanceof Throwable failure) {
      throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
    } else {
      chunks.addAll((List<ByteBuffer>) item);
      if (++consumedSinceRequest >= WINDOW / 2 && subscription != null) {
        subscription.request(consumedSinceRequest);
        consumedSinceRequest = 0;
      }
    }
  }

  /** Cancels the body; a reader blocked in another thread wakes with {@link StreamClosedException}. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
    queue.offer(CLOSED);
  }

  /** No chunk arrived within the idle timeout. */
  static final class StreamIdleException extends IOException {
    StreamIdleException(long idleMillis) {
      super("No data from the provider for " + idleMillis + " ms");
    }
  }

  /** The body was closed (by the consumer, an abort or a deadline) while being read. */
  static final class StreamClosedException extends IOException {
    StreamClosedException() {
      super("The response stream was closed");
    }
  }
}
