package dev.darkfactory.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * Image, audio or document content (unified-llm-spec §3.5: ImageData, AudioData, DocumentData share this shape).
 *
 * @param source where the bytes are
 * @param mediaType the MIME type; images default to {@code image/png} when inline bytes carry none
 * @param detail OpenAI's fidelity hint for images ("auto", "low", "high"); ignored elsewhere
 * @param fileName a display name for documents
 */
public record MediaData(MediaSource source, Optional<String> mediaType, Optional<String> detail, Optional<String> fileName) {
  public MediaData {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fileName, "fileName");
  }

  public static MediaData of(MediaSource source) {
    return new MediaData(source, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static MediaData of(MediaSource source, String mediaType) {
    return new MediaData(source, Optional.of(mediaType), Optional.empty(), Optional.empty());
  }

  public MediaData withDetail(String newDetail) {
    return new MediaData(source, mediaType, Optional.of(newDetail), fileName);
  }

  public MediaData withFileName(String newFileName) {
    return new MediaData(source, mediaType, detail, Optional.of(newFileName));
  }
}
