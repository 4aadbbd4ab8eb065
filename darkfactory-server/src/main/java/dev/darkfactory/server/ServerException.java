package dev.darkfactory.server;

import java.util.List;
import java.util.Objects;

/**
 * Every failure the server reports to a client, as one closed hierarchy. Each kind carries the HTTP
 * status and a stable machine-readable {@link #code()}; the error mapper turns them into {@code
 * {"error": {"code", "message"}}} bodies, so no client ever sees a stack trace.
 */
public abstract sealed class ServerException extends RuntimeException {
  private final int status;
  private final String code;

  private ServerException(int status, String code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The HTTP status of the response. */
  public int status() {
    return status;
  }

  /** A stable identifier for scripts: {@code not_found}, {@code invalid_pipeline}, ... */
  public String code() {
    return code;
  }

  /** 400: a malformed body, parameter or answer. */
  public static final class BadRequest extends ServerException {
    public BadRequest(String message) {
      super(400, "bad_request", message, null);
    }
  }

  /** 400: the DOT source has errors; the diagnostics travel with the error body. */
  public static final class InvalidPipeline extends ServerException {
    private final List<dev.darkfactory.server.dto.DiagnosticDto> diagnostics;

    public InvalidPipeline(String message, List<dev.darkfactory.server.dto.DiagnosticDto> diagnostics) {
      super(400, "invalid_pipeline", message, null);
      this.diagnostics = List.copyOf(diagnostics);
    }

    public List<dev.darkfactory.server.dto.DiagnosticDto> diagnostics() {
      return diagnostics;
    }
  }

  /** 401: no token, or the wrong one, on a server that requires one. */
  public static final class Unauthorized extends ServerException {
    public Unauthorized(String message) {
      super(401, "unauthorized", message, null);
    }
  }

  /**
   * 403: the request comes from somewhere the server does not answer: a {@code Host} header that
   * names another site (DNS rebinding), or a state-changing request from a foreign {@code Origin}.
   */
  public static final class Forbidden extends ServerException {
    public Forbidden(String message) {
      super(403, "forbidden", message, null);
    }
  }

  /** 404: no such run, stage, question or artifact. */
  public static final class NotFound extends ServerException {
    public NotFound(String message) {
      super(404, "not_found", message, null);
    }
  }

  /** 406: the events stream was asked for without {@code Accept: text/event-stream}. */
  public static final class NotAcceptable extends ServerException {
    public NotAcceptable(String message) {
      super(406, "not_acceptable", message, null);
    }
  }

  /** 409: the request does not fit the run's state (cancel a finished run, answer a closed question). */
  public static final class Conflict extends ServerException {
    public Conflict(String message) {
      super(409, "conflict", message, null);
    }
  }

  /** 413: the body is larger than the configured limit. */
  public static final class PayloadTooLarge extends ServerException {
    public PayloadTooLarge(String message) {
      super(413, "payload_too_large", message, null);
    }
  }

  /**
   * 415: a state-changing request without {@code Content-Type: application/json}. Browsers send
   * cross-site forms and text/plain posts without asking; a JSON content type needs a CORS
   * preflight this server never grants, so requiring it stops cross-site requests.
   */
  public static final class UnsupportedMediaType extends ServerException {
    public UnsupportedMediaType(String message) {
      super(415, "unsupported_media_type", message, null);
    }
  }

  /** 500: the run store or index failed; the cause is kept for the server's own log. */
  public static final class StorageFailed extends ServerException {
    public StorageFailed(String message, Throwable cause) {
      super(500, "storage_failed", message, cause);
    }
  }

  /** The server cannot start as configured (a public bind without a token, a bad index URL). */
  public static final class ConfigurationInvalid extends ServerException {
    public ConfigurationInvalid(String message) {
      super(500, "configuration_invalid", message, null);
    }
  }

  /** 503: something the request needs is not available here (Graphviz, a backend). */
  public static final class Unavailable extends ServerException {
    public Unavailable(String message) {
      super(503, "unavailable", message, null);
    }
  }
}
