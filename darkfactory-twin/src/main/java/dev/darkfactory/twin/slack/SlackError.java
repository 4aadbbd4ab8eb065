package dev.darkfactory.twin.slack;

import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack API error on its way to becoming {@code {"ok": false, "error": CODE, ...}} (HTTP 200, as Slack answers
 * API errors). Thrown inside the Slack twin's handlers only and turned into the body at the method boundary
 * ({@link SlackMethods}); it never leaves this package.
 */
final class SlackError extends RuntimeException {

  final String code;
  final ObjectNode extra;

  private SlackError(String code, ObjectNode extra) {
    super(code, null, false, false);
    this.code = code;
    this.extra = extra;
  }

  static SlackError of(String code) {
    return new SlackError(code, SlackJson.object());
  }

  /** An error with more fields ({@code needed}/{@code provided}, {@code errors}, ...). */
  static SlackError of(String code, ObjectNode extra) {
    return new SlackError(code, extra);
  }

  /** {@code invalid_arguments} with Slack's explanation in {@code response_metadata.messages}. */
  static SlackError invalidArguments(String message) {
    ObjectNode extra = SlackJson.object();
    extra.putObject("response_metadata").putArray("messages").add("[ERROR] " + message);
    return new SlackError("invalid_arguments", extra);
  }
}
