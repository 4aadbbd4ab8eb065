package dev.darkfactory.llm;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the bytes of an image, audio clip or document come from (unified-llm-spec §3.5): exactly one of a URL,
 * inline bytes, or a local file that the adapter reads and inlines.
 */
public sealed interface MediaSource {

    /** A remote URL the provider fetches itself. */
    record Url(String url) implements MediaSource {
        public Url {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Raw bytes, base64-encoded by the adapter when the wire format needs it. */
    record Inline(byte[] data) implements MediaSource {
        public Inline {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The bytes as standard base64, as every provider's inline format expects. */
        public String base64() {
            return Base64.getEncoder().encodeToString(data);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Inline inline && Arrays.equals(data, inline.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Inline[" + data.length + " bytes]";
        }
    }

    /** A local file; the adapter reads it, infers the MIME type from the extension and sends it inline (§3.5). */
    record LocalFile(Path path) implements MediaSource {
        public LocalFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Interprets a string the way §3.5 asks: a value starting with {@code /}, {@code ./} or {@code ~} is a local
     * file path, anything else is a URL.
     */
    static MediaSource of(String urlOrPath) {
        if (urlOrPath.startsWith("/") || urlOrPath.startsWith("./") || urlOrPath.startsWith("~")) {
            String expanded = urlOrPath.startsWith("~")
                    ? System.getProperty("user.home") + urlOrPath.substring(1)
                    : urlOrPath;
            return new LocalFile(Path.of(expanded));
        }
        return new Url(urlOrPath);
    }

    static MediaSource of(byte[] data) {
        return new Inline(data);
    }
}
