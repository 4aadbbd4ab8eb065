package dev.darkfactory.agent.tool;

import java.util.Objects;
import java.util.Optional;

/**
 * What a tool produced: text for the model (before truncation), whether it is an error, and an
 * optional image for multimodal models (§3.3 {@code read_file} on an image).
 */
public record ToolOutput(String text, boolean isError, Optional<Image> image) {

  /** Image bytes and their media type, such as {@code image/png}. */
  public record Image(byte[] data, String mediaType) {
    public Image {
      data = data.clone();
      Objects.requireNonNull(mediaType, "mediaType");
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Image image
          && mediaType.equals(image.mediaType)
          && java.util.Arrays.equals(data, image.data);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(data) + mediaType.hashCode();
    }

    @Override
    public String toString() {
      return "Image[" + mediaType + ", " + data.length + " bytes]";
    }
  }

  public ToolOutput {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(image, "image");
  }

  public static ToolOutput text(String text) {
    return new ToolOutput(text, false, Optional.empty());
  }

  public static ToolOutput error(String text) {
    return new ToolOutput(text, true, Optional.empty());
  }

  public static ToolOutput image(String description, byte[] data, String mediaType) {
    return new ToolOutput(description, false, Optional.of(new Image(data, mediaType)));
  }
}
