package dev.darkfactory.server.dto;

import java.util.List;
import java.util.Optional;

/** Every error response: {@code {"error": {"code": "not_found", "message": "..."}}}. */
public record ErrorBody(Detail error) {

  public static ErrorBody of(String code, String message, List<DiagnosticDto> diagnostics) {
    return new ErrorBody(new Detail(code, message, diagnostics.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(diagnostics))));
  }

  /** {@code diagnostics} only for {@code invalid_pipeline}. */
  public record Detail(String code, String message, Optional<List<DiagnosticDto>> diagnostics) {}
}
