package dev.darkfactory.pipeline.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The built-in handler types and the shape-to-type table (attractor-spec.md 2.8 and Appendix B).
 * The one copy of that table: the handler registry and the linter both resolve through {@link
 * #resolve}.
 */
public final class HandlerTypes {
  public static final String START = "start";
  public static final String EXIT = "exit";
  public static final String CODERGEN = "codergen";
  public static final String WAIT_HUMAN = "wait.human";
  public static final String CONDITIONAL = "conditional";
  public static final String PARALLEL = "parallel";
  public static final String FAN_IN = "parallel.fan_in";
  public static final String TOOL = "tool";
  public static final String MANAGER_LOOP = "stack.manager_loop";

  private static final Map<String, String> SHAPE_TO_TYPE = shapeTable();

  private HandlerTypes() {}

  private static Map<String, String> shapeTable() {
    Map<String, String> table = new LinkedHashMap<>();
    table.put("Mdiamond", START);
    table.put("Msquare", EXIT);
    table.put("box", CODERGEN);
    table.put("hexagon", WAIT_HUMAN);
    table.put("diamond", CONDITIONAL);
    table.put("component", PARALLEL);
    table.put("tripleoctagon", FAN_IN);
    table.put("parallelogram", TOOL);
    table.put("house", MANAGER_LOOP);
    return java.util.Collections.unmodifiableMap(table);
  }

  /** Shape name to handler type, in the order of the spec's table. */
  public static Map<String, String> shapes() {
    return SHAPE_TO_TYPE;
  }

  public static Optional<String> forShape(String shape) {
    return Optional.ofNullable(SHAPE_TO_TYPE.get(shape));
  }

  /** The canonical shape of a built-in type, for drawing and for {@code list-handlers}. */
  public static Optional<String> shapeOf(String type) {
    return SHAPE_TO_TYPE.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst();
  }

  public static Set<String> builtIn() {
    return Set.copyOf(SHAPE_TO_TYPE.values());
  }

  /**
   * The handler type that runs {@code node} (attractor-spec.md 4.2): its explicit {@code type} when
   * registered, else the type of its shape when registered, else {@code codergen}.
   */
  public static String resolve(Node node, Predicate<String> isRegistered) {
    String explicit = node.type();
    if (!explicit.isEmpty() && isRegistered.test(explicit)) {
      return explicit;
    }
    String byShape = SHAPE_TO_TYPE.get(node.shape());
    if (byShape != null && isRegistered.test(byShape)) {
      return byShape;
    }
    return CODERGEN;
  }

  /** {@link #resolve} against the built-in types only. */
  public static String resolve(Node node) {
    return resolve(node, SHAPE_TO_TYPE::containsValue);
  }
}
