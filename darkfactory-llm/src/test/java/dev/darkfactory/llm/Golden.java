package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * Golden files under src/test/resources. Run with {@code -Dgolden.update=true} to rewrite them after a deliberate
 * change, then review the diff against the provider's API reference.
 */
public final class Golden {

  private Golden() {}

  public static String resource(String path) {
    try (InputStream in = Golden.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String path) {
    return Json.parse(resource(path));
  }

  public static void assertMatches(JsonNode actual, String path) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Path file = Path.of("src/test/resources", path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(actual) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(Json.write(actual)).as("golden " + path).isEqualTo(Json.write(json(path)));
  }
}
