package dev.darkfactory.pipeline.graph;

import dev.darkfactory.pipeline.graph.AttributeValue.BooleanValue;
import dev.darkfactory.pipeline.graph.AttributeValue.DurationValue;
import dev.darkfactory.pipeline.graph.AttributeValue.FloatValue;
import dev.darkfactory.pipeline.graph.AttributeValue.IntegerValue;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An immutable, ordered set of attributes keyed by name, with typed reads.
 *
 * <p>Typed reads return empty both when the key is absent and when its value has another type; a
 * value of the wrong type for a known key is reported by the {@code attribute_type} lint rule, so
 * it never silently changes behaviour at run time without a diagnostic.
 */
public final class Attributes {
  private static final Attributes EMPTY = new Attributes(Map.of());

  private final Map<String, Attribute> entries;

  private Attributes(Map<String, Attribute> entries) {
    this.entries = entries;
  }

  public static Attributes empty() {
    return EMPTY;
  }

  public static Attributes of(Collection<Attribute> attributes) {
    if (attributes.isEmpty()) {
      return EMPTY;
    }
    Map<String, Attribute> map = new LinkedHashMap<>();
    for (Attribute attribute : attributes) {
      map.put(attribute.key(), attribute);
    }
    return new Attributes(Collections.unmodifiableMap(map));
  }

  /** Convenience for tests and code-built graphs: alternating keys and string values. */
  public static Attributes ofStrings(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    Map<String, Attribute> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], Attribute.of(keysAndValues[i], keysAndValues[i + 1]));
    }
    return new Attributes(Collections.unmodifiableMap(map));
  }

  /** A builder that starts empty. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** A builder that starts with {@code initial}'s attributes, in their order. */
  public static Builder builder(Map<String, Attribute> initial) {
    return new Builder(new LinkedHashMap<>(initial));
  }

  /** A builder that starts with these attributes, for changing several at once. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(entries));
  }

  /**
   * Collects attributes, later ones replacing earlier ones with the same key, and hands its map to
   * the built {@link Attributes} without copying it again: the parser builds one per node and edge.
   */
  public static final class Builder {
    private LinkedHashMap<String, Attribute> map;

    private Builder(LinkedHashMap<String, Attribute> map) {
      this.map = map;
    }

    public Builder put(Attribute attribute) {
      map.put(attribute.key(), attribute);
      return this;
    }

    public Builder putAll(Collection<Attribute> attributes) {
      for (Attribute attribute : attributes) {
        map.put(attribute.key(), attribute);
      }
      return this;
    }

    public boolean isEmpty() {
      return map.isEmpty();
    }

    public boolean has(String key) {
      return map.containsKey(key);
    }

    /** The attributes; the builder must not be used afterwards. */
    public Attributes build() {
      LinkedHashMap<String, Attribute> built = map;
      map = null;
      return built.isEmpty() ? EMPTY : new Attributes(Collections.unmodifiableMap(built));
    }
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public Collection<Attribute> all() {
    return entries.values();
  }

  public Optional<Attribute> attribute(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public Optional<AttributeValue> get(String key) {
    Attribute attribute = entries.get(key);
    return attribute == null ? Optional.empty() : Optional.of(attribute.value());
  }

  /** The value as text, whatever its type. */
  public Optional<String> text(String key) {
    Attribute attribute = entries.get(key);
    return attribute == null ? Optional.empty() : Optional.of(attribute.value().text());
  }

  /** The value as text, or {@code fallback} when absent. */
  public String text(String key, String fallback) {
    Attribute attribute = entries.get(key);
    return attribute == null ? fallback : attribute.value().text();
  }

  /** The words of the value, split at commas and white space ({@code "A, B C"} is A, B, C); empty when absent. */
  public List<String> words(String key) {
    return text(key).map(value -> java.util.Arrays.stream(value.split("[,\\s]+")).filter(word -> !word.isEmpty()).toList())
        .orElse(List.of());
  }

  /** Non-empty text, treating {@code key=""} like an absent key (the spec's "unset"). */
  public Optional<String> nonEmptyText(String key) {
    return text(key).filter(s -> !s.isEmpty());
  }

  public OptionalLong integer(String key) {
    return entries.get(key) instanceof Attribute a && a.value() instanceof IntegerValue i
        ? OptionalLong.of(i.value())
        : OptionalLong.empty();
  }

  public OptionalDouble number(String key) {
    return switch (get(key).orElse(null)) {
      case FloatValue f -> OptionalDouble.of(f.value());
      case IntegerValue i -> OptionalDouble.of(i.value());
      case null, default -> OptionalDouble.empty();
    };
  }

  public Optional<Boolean> bool(String key) {
    return get(key).orElse(null) instanceof BooleanValue b ? Optional.of(b.value()) : Optional.empty();
  }

  public boolean bool(String key, boolean fallback) {
    return bool(key).orElse(fallback);
  }

  public Optional<Duration> duration(String key) {
    return get(key).orElse(null) instanceof DurationValue d ? Optional.of(d.value()) : Optional.empty();
  }

  /** A copy with {@code attribute} added or replaced (keeping the key's original order). */
  public Attributes with(Attribute attribute) {
    Map<String, Attribute> map = new LinkedHashMap<>(entries);
    map.put(attribute.key(), attribute);
    return new Attributes(Collections.unmodifiableMap(map));
  }

  public Attributes with(String key, AttributeValue value) {
    Attribute existing = entries.get(key);
    return with(new Attribute(key, value, existing == null ? Attribute.of(key, value).position() : existing.position()));
  }

  public Attributes without(String key) {
    if (!entries.containsKey(key)) {
      return this;
    }
    Map<String, Attribute> map = new LinkedHashMap<>(entries);
    map.remove(key);
    return new Attributes(Collections.unmodifiableMap(map));
  }

  /** A plain key-to-text map, in declaration order. */
  public Map<String, String> asTextMap() {
    Map<String, String> map = new LinkedHashMap<>();
    entries.forEach((key, attribute) -> map.put(key, attribute.value().text()));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attributes that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return asTextMap().toString();
  }
}
