package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cycles of a graph: Tarjan's strongly connected components, with explicit stacks instead of
 * recursion so a 10,000-node cycle cannot overflow the call stack. Linear in nodes plus edges;
 * edges to missing nodes are ignored.
 */
final class StronglyConnectedComponents {
  private StronglyConnectedComponents() {}

  /**
   * The components that contain a cycle: more than one node, or one node with an edge to itself.
   * Each lists its nodes in declaration order; the cycles are ordered by their first node.
   */
  static List<List<Node>> cycles(Graph graph) {
    List<Node> nodes = List.copyOf(graph.nodes());
    int[][] successors = successors(graph, nodes);
    List<int[]> found = new ArrayList<>();
    for (int[] component : tarjan(successors)) {
      int only = component[0];
      if (component.length > 1 || Arrays.stream(successors[only]).anyMatch(w -> w == only)) {
        Arrays.sort(component);
        found.add(component);
      }
    }
    found.sort(Comparator.comparingInt(component -> component[0]));
    List<List<Node>> cycles = new ArrayList<>(found.size());
    for (int[] component : found) {
      cycles.add(Arrays.stream(component).mapToObj(nodes::get).toList());
    }
    return cycles;
  }

  /** The successors of each node as indexes into {@code nodes}; edges to missing nodes are dropped. */
  private static int[][] successors(Graph graph, List<Node> nodes) {
    Map<String, Integer> indexOf = new HashMap<>(nodes.size() * 2);
    for (int i = 0; i < nodes.size(); i++) {
      indexOf.put(nodes.get(i).id(), i);
    }
    int[][] successors = new int[nodes.size()][];
    for (int v = 0; v < nodes.size(); v++) {
      List<Edge> out = graph.outgoing(nodes.get(v).id());
      int[] targets = new int[out.size()];
      int count = 0;
      for (Edge edge : out) {
        Integer w = indexOf.get(edge.to());
        if (w != null) {
          targets[count++] = w;
        }
      }
      successors[v] = Arrays.copyOf(targets, count);
    }
    return successors;
  }

  /** Every strongly connected component, as node indexes. */
  static List<int[]> tarjan(int[][] successors) {
    int n = successors.length;
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] stack = new int[n];
    int stackSize = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int depth = 0;
    int counter = 0;
    List<int[]> components = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (index[root] != -1) {
        continue;
      }
      index[root] = low[root] = counter++;
      stack[stackSize++] = root;
      onStack[root] = true;
      callNode[depth] = root;
      callEdge[depth++] = 0;
      while (depth > 0) {
        int v = callNode[depth - 1];
        if (callEdge[depth - 1] < successors[v].length) {
          int w = successors[v][callEdge[depth - 1]++];
          if (index[w] == -1) {
            index[w] = low[w] = counter++;
            stack[stackSize++] = w;
            onStack[w] = true;
            callNode[depth] = w;
            callEdge[depth++] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        depth--;
        if (depth > 0) {
          int parent = callNode[depth - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          int start = stackSize;
          do {
            start--;
            onStack[stack[start]] = false;
          } while (stack[start] != v);
          components.add(Arrays.copyOfRange(stack, start, stackSize));
          stackSize = start;
        }
      }
    }
    return components;
  }
}
