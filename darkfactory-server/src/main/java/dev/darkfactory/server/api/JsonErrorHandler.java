package dev.darkfactory.server.api;

import dev.darkfactory.server.dto.ErrorBody;
import io.javalin.config.JettyConfig;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages replaced by the API's JSON error, with the same security headers as every
 * other response. Jetty answers some requests before Javalin's routing sees them: a path with
 * {@code %00}, {@code ..;}, overlong UTF-8 ({@code %c0%ae}) or a backslash, a malformed header, a
 * missing {@code Host}. Without this they got Jetty's HTML page, without the headers.
 */
public final class JsonErrorHandler extends ErrorHandler {

  /** Installs the handler for the server and for the servlet context Javalin runs in. */
  public static void install(JettyConfig jetty) {
    JsonErrorHandler handler = new JsonErrorHandler();
    jetty.modifyServer(server -> server.setErrorHandler(handler));
    jetty.modifyServletContextHandler(context -> context.setErrorHandler(handler));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String message = request.getAttribute(ERROR_MESSAGE) instanceof String text ? text : null;
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
      status = http.getCode();
      message = message == null ? http.getReason() : message;
    }
    if (status < 400) {
      status = 500;
    }
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    SecurityHeaders.apply(headers::put);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    if (HttpStatus.hasNoBody(status) || request.getMethod().equals("HEAD")) {
      callback.succeeded();
      return true;
    }
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    ErrorBody body = ErrorBody.of(ErrorMapping.code(status), describe(status, message), List.of());
    response.write(true, ByteBuffer.wrap(WireJson.mapper().writeValueAsBytes(body)), callback);
    return true;
  }

  /** Jetty's reason ("Bad UTF-8 encoding", "Illegal Path Character") says what was wrong; never a stack trace. */
  private static String describe(int status, String message) {
    boolean generic = message == null || message.isBlank() || message.equals(HttpStatus.getMessage(status));
    if (status == 400) {
      return "the request is malformed: " + (generic ? "its path or a header is not valid HTTP" : Texts.clip(message));
    }
    return generic ? HttpStatus.getMessage(status) : Texts.clip(message);
  }
}
