package dev.darkfactory.cli.render;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** JSON output of commands: two-space indentation, {@code "key": value}, arrays one element per line. */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter PRETTY = MAPPER.writer().with(new DefaultPrettyPrinter(
          Separators.createDefaultInstance()
              .withObjectNameValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
      .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));

  private Json() {}

  /** Pretty JSON without a trailing newline. */
  public static String pretty(JsonNode node) {
    return PRETTY.writeValueAsString(node);
  }

  /** One line of JSON, for NDJSON streams. */
  public static String compact(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
