package dev.darkfactory.server;

import dev.darkfactory.server.api.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for requests {@code HttpClient} would not
 * send (a foreign {@code Host}, {@code %00} or a backslash in the path, a malformed header).
 */
public final class RawHttp {
  private RawHttp() {}

  /** A parsed response; header names in lower case. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonNode json() {
      return WireJson.mapper().readTree(body);
    }

    public String errorCode() {
      return json().path("error").path("code").asString();
    }
  }

  /** Sends {@code requestLine} and {@code headers} (each {@code "Name: value"}), then {@code body} if not null, with {@code Connection: close}. */
  public static Response send(int port, String requestLine, List<String> headers, String body) {
    StringBuilder request = new StringBuilder(requestLine).append("\r\n");
    headers.forEach(h -> request.append(h).append("\r\n"));
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(content);
      socket.getOutputStream().flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET path} with only a {@code Host} header. */
  public static Response get(int port, String path, String host) {
    return send(port, "GET " + path + " HTTP/1.1", List.of("Host: " + host), null);
  }

  private static Response parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no complete response: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (true) {
      int lineEnd = text.indexOf("\r\n", at);
      int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(body, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }

  /** Header lines for a JSON request to {@code host}, plus {@code extra}. */
  public static List<String> jsonHeaders(String host, String... extra) {
    List<String> headers = new ArrayList<>(List.of("Host: " + host, "Content-Type: application/json"));
    headers.addAll(List.of(extra));
    return headers;
  }
}
