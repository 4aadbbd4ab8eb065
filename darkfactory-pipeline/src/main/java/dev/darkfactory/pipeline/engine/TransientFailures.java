package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.backend.RetryableFailure;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.function.Predicate;

/**
 * The default {@code should_retry} predicate (attractor-spec.md 3.6, Appendix D): an exception is
 * worth retrying when it says so ({@link RetryableFailure}) or is a network failure. Anything else
 * (bad configuration, authentication, a bug) fails at once.
 */
public final class TransientFailures implements Predicate<Throwable> {
  @Override
  public boolean test(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RetryableFailure r) {
        return r.retryable();
      }
      if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
          || t instanceof UnknownHostException || t instanceof SocketException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
