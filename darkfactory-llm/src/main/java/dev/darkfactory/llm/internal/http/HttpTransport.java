package dev.darkfactory.llm.internal.http;

import dev.darkfactory.llm.AbortException;
import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.AdapterTimeout;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.NetworkException;
import dev.darkfactory.llm.RequestTimeoutException;
import dev.darkfactory.llm.StreamException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The only place the adapters touch the network: the JDK {@link HttpClient} with the adapter's connect, request and
 * stream-idle timeouts, abort-signal cancellation, and I/O failures translated to {@link LlmException}s. Request
 * bodies are sent with a Content-Length (never chunked: some servers read bodies only by length), over HTTP/1.1 for
 * plain-text URLs and HTTP/2 when TLS allows.
 */
public final class HttpTransport implements AutoCloseable {

  private final AdapterTimeout timeout;
  private final java.util.concurrent.ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;

  public HttpTransport(AdapterTimeout timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout.connect())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .executor(executor)
        .build();
  }

  public AdapterTimeout timeout() {
    return timeout;
  }

  /** POSTs JSON and reads the whole response, whatever its status. */
  public HttpResult post(URI uri, Map<String, String> headers, byte[] body, Optional<AbortSignal> abort) {
    HttpRequest request = request(uri, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return send(request, abort);
  }

  /** GETs a resource and reads the whole response. */
  public HttpResult get(URI uri, Map<String, String> headers, Optional<AbortSignal> abort) {
    return send(request(uri, headers).GET().build(), abort);
  }

  private HttpResult send(HttpRequest request, Optional<AbortSignal> abort) {
    abort.ifPresent(AbortSignal::throwIfAborted);
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    Optional<AbortSignal.Registration> hook = abort.map(signal -> signal.onAbort(() -> future.cancel(true)));
    try {
      HttpResponse<byte[]> response = future.get(timeout.request().toMillis(), TimeUnit.MILLISECONDS);
      return new HttpResult(response.statusCode(), response.headers(), response.body());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RequestTimeoutException("No complete response from " + request.uri().getHost() + " within "
          + timeout.request().toMillis() + " ms", e);
    } catch (CancellationException e) {
      throw abortReason(abort, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new AbortException("Interrupted while waiting for the provider", e);
    } catch (ExecutionException e) {
      throw failure(request.uri(), e.getCause(), abort);
    } finally {
      hook.ifPresent(AbortSignal.Registration::remove);
    }
  }

  /**
   * POSTs JSON and returns as soon as the headers arrive; the body is read lazily with the stream-idle timeout.
   * An abort closes the body, which wakes the reader.
   */
  public StreamingResponse postStream(URI uri, Map<String, String> headers, byte[] body, Optional<AbortSignal> abort) {
    abort.ifPresent(AbortSignal::throwIfAborted);
    HttpRequest request = request(uri, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    StreamingBody streamingBody = new StreamingBody(timeout.streamRead());
    CompletableFuture<HttpResponse<java.io.InputStream>> future = client.sendAsync(request, info -> streamingBody);
    Optional<AbortSignal.Registration> hook = abort.map(signal -> signal.onAbort(() -> {
      future.cancel(true);
      streamingBody.close();
    }));
    try {
      HttpResponse<java.io.InputStream> response = future.get(timeout.request().toMillis(), TimeUnit.MILLISECONDS);
      // From here the event stream owns cancellation: it closes the body on abort and unhooks itself when done.
      hook.ifPresent(AbortSignal.Registration::remove);
      if (abort.map(AbortSignal::isAborted).orElse(false)) {
        streamingBody.close();
      }
      return new StreamingResponse(response.statusCode(), response.headers(), streamingBody);
    } catch (TimeoutException e) {
      future.cancel(true);
      streamingBody.close();
      hook.ifPresent(AbortSignal.Registration::remove);
      throw new RequestTimeoutException("No response headers from " + uri.getHost() + " within "
          + timeout.request().toMillis() + " ms", e);
    } catch (CancellationException e) {
      hook.ifPresent(AbortSignal.Registration::remove);
      throw abortReason(abort, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      streamingBody.close();
      Thread.currentThread().interrupt();
      throw new AbortException("Interrupted while waiting for the provider", e);
    } catch (ExecutionException e) {
      hook.ifPresent(AbortSignal.Registration::remove);
      if (streamingBody.started() && e.getCause() instanceof IOException && !abort.map(AbortSignal::isAborted).orElse(false)) {
        // The response had begun and broke before we handed out a single event: a cut stream, safe to retry.
        throw new StreamException("The response stream from " + uri.getHost() + " broke off: " + e.getCause().getMessage(), e.getCause());
      }
      throw failure(uri, e.getCause(), abort);
    }
  }

  private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .header("Content-Type", "application/json")
        .header("User-Agent", "darkfactory-llm/0.1");
    headers.forEach(builder::header);
    return builder;
  }

  private static LlmException abortReason(Optional<AbortSignal> abort, Throwable cause) {
    return abort.flatMap(AbortSignal::reason).orElseGet(() -> new AbortException("The call was cancelled", cause));
  }

  /** Translates a transport failure; an abort that caused it wins over the symptom. */
  static LlmException failure(URI uri, Throwable cause, Optional<AbortSignal> abort) {
    if (abort.isPresent() && abort.get().isAborted()) {
      return abort.get().reason().orElseThrow();
    }
    if (cause instanceof LlmException llm) {
      return llm;
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new NetworkException("Could not connect to " + uri.getHost() + ":" + uri.getPort() + " in time", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new RequestTimeoutException("The request to " + uri.getHost() + " timed out", cause);
    }
    if (cause instanceof IOException) {
      return new NetworkException("Could not reach " + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()
          + ": " + describe(cause), cause);
    }
    return new NetworkException("HTTP failure talking to " + uri.getHost() + ": " + describe(cause), cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  @Override
  public void close() {
    client.shutdownNow();
    executor.shutdownNow();
  }
}
