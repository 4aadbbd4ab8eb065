package dev.darkfactory.llm.internal.http;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * How a provider pages its model list: the address of a page (the first when {@code cursor} is
 * empty) and, from a page's body, the cursor of the next one (empty on the last page; blank when
 * the page announces more without naming where they start).
 *
 * @param page the URI of the page after {@code cursor}
 * @param next the next page's cursor, read from a page's body
 */
public record ModelPages(Function<Optional<String>, URI> page, Function<JsonNode, Optional<String>> next) {

  /** A list served whole, in one response (OpenAI's {@code GET /v1/models}). */
  public static ModelPages single(URI uri) {
    return new ModelPages(cursor -> uri, body -> Optional.empty());
  }

  /** The text of a body field, empty when it is missing, null or blank. */
  public static Optional<String> text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    return value.isString() && !value.asString().isBlank() ? Optional.of(value.asString()) : Optional.empty();
  }
}
