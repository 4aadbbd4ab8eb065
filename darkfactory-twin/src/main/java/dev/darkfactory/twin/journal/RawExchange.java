package dev.darkfactory.twin.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An exchange as the runtime saw it, before redaction and truncation ({@link Journal#recordExchange}). */
public record RawExchange(Instant twinTime, String namespace, String method, String path, String query,
    Map<String, List<String>> requestHeaders, byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
    byte[] responseBody, long latencyMicros, String route, Optional<String> fault, Optional<String> error) {}
