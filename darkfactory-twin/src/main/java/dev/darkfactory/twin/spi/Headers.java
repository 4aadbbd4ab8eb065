package dev.darkfactory.twin.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** HTTP headers with lower-case names, in the order first seen. */
public record Headers(Map<String, List<String>> values) {

  public static final Headers EMPTY = new Headers(Map.of());

  public Headers {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    values.forEach((name, list) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).addAll(list));
    lower.replaceAll((name, list) -> List.copyOf(list));
    values = java.util.Collections.unmodifiableMap(lower);
  }

  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Headers.of takes name, value pairs");
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return new Headers(map);
  }

  public Optional<String> first(String name) {
    List<String> list = values.get(name.toLowerCase(Locale.ROOT));
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  public List<String> all(String name) {
    return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** These headers with {@code name} set to {@code value} (replacing earlier values). */
  public Headers with(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(values);
    copy.put(name.toLowerCase(Locale.ROOT), List.of(value));
    return new Headers(copy);
  }

  public Headers without(String name) {
    Map<String, List<String>> copy = new LinkedHashMap<>(values);
    copy.remove(name.toLowerCase(Locale.ROOT));
    return new Headers(copy);
  }
}
