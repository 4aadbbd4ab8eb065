package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.dto.AnswerRequest;
import dev.darkfactory.server.dto.DiagnosticDto;
import dev.darkfactory.server.dto.QuestionDto;
import dev.darkfactory.server.dto.QuestionList;
import dev.darkfactory.server.dto.RunDetail;
import dev.darkfactory.server.dto.RunList;
import dev.darkfactory.server.dto.RunSummary;
import dev.darkfactory.server.dto.ServerInfo;
import dev.darkfactory.server.dto.StageDto;
import dev.darkfactory.server.dto.SubmitRequest;
import dev.darkfactory.server.dto.SubmitResponse;
import dev.darkfactory.server.dto.ValidateRequest;
import dev.darkfactory.server.dto.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes exactly the routes and wire records the server has, and docs/ holds the same file. */
class OpenApiTest {
  private static final Pattern ROUTE = Pattern.compile("routes\\.(get|post)\\(\"([^\"]+)\"");
  private final JsonNode openapi = WireJson.mapper().readTree(MetaRoutes.openapi());

  @Test
  void everyRouteIsDocumentedAndNothingElse() throws IOException {
    Set<String> routes = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/darkfactory/server/api"))) {
      for (Path file : files.toList()) {
        Matcher matcher = ROUTE.matcher(Files.readString(file));
        while (matcher.find()) {
          routes.add(matcher.group(1) + " " + matcher.group(2));
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    openapi.path("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method -> documented.add(method + " " + path.getKey())));
    assertThat(documented).isEqualTo(routes);
  }

  @Test
  void schemasMatchTheWireRecords() {
    Map<String, Class<? extends Record>> records = Map.ofEntries(
        Map.entry("Diagnostic", DiagnosticDto.class), Map.entry("SubmitRequest", SubmitRequest.class),
        Map.entry("SubmitResponse", SubmitResponse.class), Map.entry("RunSummary", RunSummary.class), Map.entry("RunList", RunList.class),
        Map.entry("Stage", StageDto.class), Map.entry("RunDetail", RunDetail.class), Map.entry("Question", QuestionDto.class),
        Map.entry("QuestionList", QuestionList.class), Map.entry("AnswerRequest", AnswerRequest.class),
        Map.entry("ValidateRequest", ValidateRequest.class), Map.entry("ValidationReport", ValidationReport.class),
        Map.entry("ServerInfo", ServerInfo.class));
    records.forEach((schema, type) -> {
      Set<String> properties = new HashSet<>(openapi.path("components").path("schemas").path(schema).path("properties").propertyNames());
      Set<String> components = new HashSet<>(Arrays.stream(type.getRecordComponents()).map(c -> snake(c.getName())).toList());
      assertThat(properties).as(schema).isEqualTo(components);
    });
  }

  @Test
  void theCommittedCopyInDocsIsTheServedDocument() throws IOException {
    assertThat(Files.readString(Path.of("..", "docs", "openapi.json"))).isEqualTo(new String(MetaRoutes.openapi(), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
