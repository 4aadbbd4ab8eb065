package dev.darkfactory.server.api;

import java.util.Locale;

/** Reads {@code Content-Type} values. */
final class MediaTypes {
  private MediaTypes() {}

  /**
   * True for {@code application/json}, with or without parameters ({@code ; charset=utf-8}); false
   * for anything else, including {@code application/jsonfoo}, {@code application/json-seq} and a
   * missing header.
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT).equals("application/json");
  }
}
