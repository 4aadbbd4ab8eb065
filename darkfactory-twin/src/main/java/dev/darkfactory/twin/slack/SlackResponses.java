package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.clock.IdGenerator;
import dev.darkfactory.twin.spi.TwinResponse;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's answers: HTTP 200 with {@code {"ok": true, ...}} or {@code {"ok": false, "error": CODE, ...}}, the warnings
 * as {@code warning} (comma-separated) and {@code response_metadata.warnings}, {@code Content-Type:
 * application/json; charset=utf-8} and an {@code X-Slack-Req-Id}.
 */
final class SlackResponses {

  private SlackResponses() {}

  static TwinResponse ok(ObjectNode body, List<String> warnings, IdGenerator ids) {
    ObjectNode answer = SlackJson.object().put("ok", true);
    answer.setAll(body);
    return answer(200, warn(answer, warnings), ids);
  }

  static TwinResponse error(String code, ObjectNode extra, List<String> warnings, IdGenerator ids) {
    ObjectNode answer = SlackJson.object().put("ok", false).put("error", code);
    answer.setAll(extra);
    return answer(200, warn(answer, warnings), ids);
  }

  static TwinResponse error(String code, IdGenerator ids) {
    return error(code, SlackJson.object(), List.of(), ids);
  }

  static TwinResponse answer(int status, ObjectNode body, IdGenerator ids) {
    return new TwinResponse(status, dev.darkfactory.twin.spi.Headers.of("Content-Type", SlackJson.CONTENT_TYPE,
        "X-Slack-Req-Id", SlackIds.hex(ids, 32)), SlackJson.bytes(body));
  }

  private static ObjectNode warn(ObjectNode answer, List<String> warnings) {
    if (warnings.isEmpty()) {
      return answer;
    }
    List<String> distinct = warnings.stream().distinct().toList();
    answer.put("warning", String.join(",", distinct));
    ObjectNode metadata = answer.has("response_metadata") ? (ObjectNode) answer.get("response_metadata")
        : answer.putObject("response_metadata");
    ArrayNode list = metadata.putArray("warnings");
    distinct.forEach(list::add);
    return answer;
  }
}
