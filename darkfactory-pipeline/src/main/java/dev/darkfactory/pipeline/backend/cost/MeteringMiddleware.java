package dev.darkfactory.pipeline.backend.cost;

import dev.darkfactory.llm.AbortException;
import dev.darkfactory.llm.Cost;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.Middleware;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.Usage;
import dev.darkfactory.pipeline.state.StopReason;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Client middleware (unified-llm-spec 2.3) that meters every call of a stage and enforces the run
 * budget. Before a call it checks the ledger: once a budget is reached no further call starts; the
 * refusal is an {@link AbortException}, which the agent loop treats as a clean stop, and {@link
 * Stage#refused} tells the backend why so it can stop the run resumably. After a call (a stream's
 * {@code FINISH}) it prices the usage and records it for the stage's node.
 */
public final class MeteringMiddleware implements Middleware {
  private final SpendLedger ledger;
  private final Pricing pricing;
  private final Supplier<Optional<? extends Stage>> current;

  /** Prices a response's usage (the client's catalog); empty when the model has no known price. */
  @FunctionalInterface
  public interface Pricing {
    Optional<Cost> price(String provider, String model, Usage usage);
  }

  /** The stage a call belongs to: its node and its run's budget; told about each call's spend and about a refusal. */
  public interface Stage {
    /** The node the call is made for. */
    Optional<String> nodeId();

    RunBudget budget();

    default void spent(Spend spend) {}

    default void refused(StopReason reason) {}
  }

  /**
   * @param current the stage now using the client; a call made outside any stage is metered to
   *     {@code (between stages)} and never refused
   */
  public MeteringMiddleware(SpendLedger ledger, Pricing pricing, Supplier<Optional<? extends Stage>> current) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.pricing = Objects.requireNonNull(pricing, "pricing");
    this.current = Objects.requireNonNull(current, "current");
  }

  @Override
  public Response complete(Request request, Next<Response> next) {
    guard();
    Response response = next.proceed(request);
    record(response);
    return response;
  }

  @Override
  public EventStream stream(Request request, Next<EventStream> next) {
    guard();
    return next.proceed(request).peek(event -> {
      if (event instanceof StreamEvent.Finish finish) {
        record(finish.response());
      }
    });
  }

  private void guard() {
    Optional<? extends Stage> stage = current.get();
    if (stage.isEmpty()) {
      return;
    }
    Optional<StopReason> exhausted = stage.get().budget().check(ledger.total());
    if (exhausted.isPresent()) {
      stage.get().refused(exhausted.get());
      throw new AbortException("no LLM call started: " + exhausted.get().message());
    }
  }

  private void record(Response response) {
    Optional<Cost> cost = response.cost().or(() -> pricing.price(response.provider(), response.model(), response.usage()));
    Spend spend = Spend.of(response.usage(), cost);
    Optional<? extends Stage> stage = current.get();
    ledger.record(stage.flatMap(Stage::nodeId).orElse("(between stages)"), spend);
    stage.ifPresent(s -> s.spent(spend));
  }
}
