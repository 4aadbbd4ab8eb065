package dev.darkfactory.llm;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One piece of a message body (unified-llm-spec §3.3-3.5). The spec's tagged union becomes a sealed interface, so
 * a switch over the variants is checked for completeness; {@link Custom} keeps provider-specific kinds (§3.3 allows
 * arbitrary kind strings).
 */
public sealed interface ContentPart {

    /** The kind name as the spec spells it ("text", "tool_call", ... or a custom kind). */
    String kind();

    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kind() {
            return ContentKind.TEXT.wireName();
        }
    }

    record Image(MediaData image) implements ContentPart {
        public Image {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public String kind() {
            return ContentKind.IMAGE.wireName();
        }
    }

    record Audio(MediaData audio) implements ContentPart {
        public Audio {
            Objects.requireNonNull(audio, "audio");
        }

        @Override
        public String kind() {
            return ContentKind.AUDIO.wireName();
        }
    }

    record Document(MediaData document) implements ContentPart {
        public Document {
            Objects.requireNonNull(document, "document");
        }

        @Override
        public String kind() {
            return ContentKind.DOCUMENT.wireName();
        }
    }

    /** A model-initiated tool invocation (§3.5 ToolCallData). */
    record ToolCallPart(ToolCall toolCall) implements ContentPart {
        public ToolCallPart {
            Objects.requireNonNull(toolCall, "toolCall");
        }

        @Override
        public String kind() {
            return ContentKind.TOOL_CALL.wireName();
        }
    }

    /** The result of a tool call, optionally with an image (§3.5 ToolResultData). */
    record ToolResultPart(ToolResult toolResult, Optional<MediaData> image) implements ContentPart {
        public ToolResultPart {
            Objects.requireNonNull(toolResult, "toolResult");
            Objects.requireNonNull(image, "image");
        }

        public ToolResultPart(ToolResult toolResult) {
            this(toolResult, Optional.empty());
        }

        @Override
        public String kind() {
            return ContentKind.TOOL_RESULT.wireName();
        }
    }

    /**
     * Visible reasoning (§3.5 ThinkingData). The signature must be replayed verbatim to the same provider and model.
     */
    record Thinking(String text, Optional<String> signature) implements ContentPart {
        public Thinking {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(signature, "signature");
        }

        public Thinking(String text) {
            this(text, Optional.empty());
        }

        @Override
        public String kind() {
            return ContentKind.THINKING.wireName();
        }
    }

    /** Opaque redacted reasoning (Anthropic): {@code data} is passed back exactly as received (§3.5). */
    record RedactedThinking(String data) implements ContentPart {
        public RedactedThinking {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String kind() {
            return ContentKind.REDACTED_THINKING.wireName();
        }
    }

    /** A provider-specific content kind the unified model does not know; adapters skip it unless it is theirs. */
    record Custom(String kind, JsonNode raw) implements ContentPart {
        public Custom {
            Objects.requireNonNull(kind, "kind");
            raw = raw.deepCopy();
        }
    }

    static ContentPart text(String text) {
        return new Text(text);
    }

    static ContentPart image(MediaData image) {
        return new Image(image);
    }

    /** An image from a URL or a local path (see {@link MediaSource#of(String)}). */
    static ContentPart image(String urlOrPath) {
        return new Image(MediaData.of(MediaSource.of(urlOrPath)));
    }

    static ContentPart image(byte[] data, String mediaType) {
        return new Image(MediaData.of(MediaSource.of(data), mediaType));
    }
}
