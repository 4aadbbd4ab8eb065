package dev.darkfactory.llm.internal.media;

import dev.darkfactory.llm.ConfigurationException;
import dev.darkfactory.llm.MediaData;
import dev.darkfactory.llm.MediaSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Media ready for a wire format: either a URL the provider fetches, or base64 data with a MIME type. Local files
 * are read and inlined here (unified-llm-spec §3.5), so every adapter gets the same behaviour.
 *
 * @param url set for remote media
 * @param base64 set for inline media
 * @param mediaType the MIME type (inferred from the file extension for local files)
 */
public record ResolvedMedia(Optional<String> url, Optional<String> base64, String mediaType) {

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("heic", "image/heic"),
      Map.entry("heif", "image/heif"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("txt", "text/plain"),
      Map.entry("md", "text/markdown"),
      Map.entry("wav", "audio/wav"),
      Map.entry("mp3", "audio/mp3"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("flac", "audio/flac"));

  public static ResolvedMedia of(MediaData media, String defaultType) {
    return switch (media.source()) {
      case MediaSource.Url url -> new ResolvedMedia(Optional.of(url.url()), Optional.empty(),
          media.mediaType().orElseGet(() -> typeOf(url.url()).orElse(defaultType)));
      case MediaSource.Inline inline -> new ResolvedMedia(Optional.empty(), Optional.of(inline.base64()),
          media.mediaType().orElse(defaultType));
      case MediaSource.LocalFile file -> new ResolvedMedia(Optional.empty(), Optional.of(read(file.path())),
          media.mediaType().orElseGet(() -> typeOf(file.path().toString()).orElse(defaultType)));
    };
  }

  /** A data URI, as OpenAI expects for inline images. */
  public String dataUri() {
    return url.orElseGet(() -> "data:" + mediaType + ";base64," + base64.orElseThrow());
  }

  private static String read(Path path) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read the media file " + path, "Check that the file exists and is readable.", e);
    }
  }

  private static Optional<String> typeOf(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    int query = extension.indexOf('?');
    return Optional.ofNullable(TYPES.get(query < 0 ? extension : extension.substring(0, query)));
  }
}
