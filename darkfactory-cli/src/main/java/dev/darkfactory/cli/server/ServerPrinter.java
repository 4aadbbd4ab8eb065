package dev.darkfactory.cli.server;

import dev.darkfactory.server.ServerEvent;
import dev.darkfactory.server.ServerListener;
import java.io.PrintWriter;

/** Prints what the server reports: where to open it, recovered runs, finished runs, server errors. */
final class ServerPrinter implements ServerListener {
  private final PrintWriter out;
  private final PrintWriter err;

  ServerPrinter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public synchronized void onEvent(ServerEvent event) {
    switch (event) {
      case ServerEvent.Started started -> {
        out.println("Dark Factory server on " + started.url() + " (run index: " + started.index()
            + (started.graphviz() ? ", graphs by Graphviz" : ", graphs drawn in the browser") + ")");
        started.loginUrl().ifPresent(login -> out.println("Token required. Open this login link once per browser: " + login));
        out.println("Ctrl-C to stop; runs in flight are checkpointed and resumed at the next start.");
      }
      case ServerEvent.RunRecovered recovered -> out.println("run " + recovered.runId() + ": " + recovered.detail());
      case ServerEvent.RunFinished finished -> out.println("run " + finished.runId() + " " + finished.status());
      case ServerEvent.RequestFailed failed -> {
        err.println("error: " + failed.method() + " " + failed.path() + ": " + failed.message());
        if (System.getenv("FACTORY_DEBUG") != null) {
          failed.cause().ifPresent(cause -> cause.printStackTrace(err));
        }
      }
      case ServerEvent.Stopped stopped -> out.println("stopped" + (stopped.interrupted() > 0
          ? "; " + stopped.interrupted() + " run(s) interrupted, to be resumed at the next start" : ""));
    }
    out.flush();
    err.flush();
  }
}
