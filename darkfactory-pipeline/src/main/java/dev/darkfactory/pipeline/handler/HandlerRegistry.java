package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.human.Interviewer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Handler type names to handlers (attractor-spec.md 4.2). Immutable: {@link #with} returns a new
 * registry, so a registry is built once and passed to the engine, never shared as global state.
 * Resolution goes through {@link HandlerTypes#resolve}, the same code the linter uses: explicit
 * {@code type} if registered, else the shape's type if registered, else {@code codergen}.
 */
public final class HandlerRegistry {
  private final Map<String, Handler> handlers;

  private HandlerRegistry(Map<String, Handler> handlers) {
    this.handlers = Map.copyOf(handlers);
    if (!this.handlers.containsKey(HandlerTypes.CODERGEN)) {
      throw new IllegalArgumentException("a registry needs a codergen handler: it is the default (4.2)");
    }
  }

  /** The built-in handlers of section 4, with default tool settings. */
  public static HandlerRegistry standard(CodergenBackend backend, Interviewer interviewer) {
    return standard(backend, interviewer, ToolSettings.defaults());
  }

  /** The built-in handlers of section 4. */
  public static HandlerRegistry standard(CodergenBackend backend, Interviewer interviewer, ToolSettings tools) {
    Map<String, Handler> map = new LinkedHashMap<>();
    map.put(HandlerTypes.START, new StartHandler());
    map.put(HandlerTypes.EXIT, new ExitHandler());
    map.put(HandlerTypes.CODERGEN, new CodergenHandler(backend));
    map.put(HandlerTypes.WAIT_HUMAN, new WaitForHumanHandler(interviewer));
    map.put(HandlerTypes.CONDITIONAL, new ConditionalHandler());
    map.put(HandlerTypes.PARALLEL, new ParallelHandler());
    map.put(HandlerTypes.FAN_IN, new FanInHandler(backend));
    map.put(HandlerTypes.TOOL, new ToolHandler(tools));
    map.put(HandlerTypes.MANAGER_LOOP, new ManagerLoopHandler());
    return new HandlerRegistry(map);
  }

  /**
   * A registry with {@code handler} registered for {@code type}, replacing any handler already
   * registered for it (4.2 {@code register}, 4.12 custom handlers).
   */
  public HandlerRegistry with(String type, Handler handler) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
    Map<String, Handler> map = new LinkedHashMap<>(handlers);
    map.put(type, handler);
    return new HandlerRegistry(map);
  }

  /** The handler type that runs {@code node}. */
  public String typeOf(Node node) {
    return HandlerTypes.resolve(node, handlers::containsKey);
  }

  /** The handler that runs {@code node} (4.2 {@code resolve}). */
  public Handler resolve(Node node) {
    return handlers.get(typeOf(node));
  }

  public Optional<Handler> get(String type) {
    return Optional.ofNullable(handlers.get(type));
  }

  /** Registered type names, for the linter's {@code type_known} rule and {@code list-handlers}. */
  public Set<String> types() {
    return handlers.keySet();
  }

  /** True when {@code node}'s handler has {@code capability}. */
  public boolean has(Node node, HandlerCapability capability) {
    return resolve(node).capabilities(node).contains(capability);
  }
}
