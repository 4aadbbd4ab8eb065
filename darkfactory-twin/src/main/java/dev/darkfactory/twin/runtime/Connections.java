package dev.darkfactory.twin.runtime;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reaches under the servlet API to the connection, for the transport faults the JDK's HTTP server cannot do: a
 * real TCP reset (SO_LINGER 0 then close sends RST, not FIN) and closing mid-body.
 */
final class Connections {

  private Connections() {}

  /** Resets the connection: the client sees "connection reset". */
  static void reset(Context ctx) {
    EndPoint endPoint = endPoint(ctx);
    if (endPoint.getTransport() instanceof SocketChannel channel) {
      try {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException e) {
        // The socket is already gone: closing it below is all that is left to do.
      }
    }
    endPoint.close();
  }

  /** Closes the connection after what was written so far (a clean FIN): a short body reads as truncated. */
  static void close(Context ctx) {
    endPoint(ctx).close();
  }

  private static EndPoint endPoint(Context ctx) {
    return ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint();
  }
}
