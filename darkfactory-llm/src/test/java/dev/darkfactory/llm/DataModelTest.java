package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.llm.provider.anthropic.AnthropicRequestTranslator;
import dev.darkfactory.llm.provider.gemini.GeminiRequestTranslator;
import dev.darkfactory.llm.provider.openai.OpenAIRequestTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataModelTest {

    @Test
    void messageTextConcatenatesTextPartsOnly() {
        Message message = Message.of(Role.ASSISTANT, List.of(ContentPart.text("a"), new ContentPart.Thinking("hidden"), ContentPart.text("b")));
        assertThat(message.text()).isEqualTo("ab");
        assertThat(Message.of(Role.USER, List.of()).text()).isEmpty();
        Message result = Message.toolResult("call_9", "72F", true);
        assertThat(result.role()).isEqualTo(Role.TOOL);
        assertThat(result.toolCallId()).contains("call_9");
    }

    @Test
    void usageAdditionKeepsNoneWhenBothAreNone() {
        Usage a = Usage.of(10, 5);
        Usage b = Usage.of(1, 2).withReasoningTokens(3);
        Usage sum = a.plus(b);
        assertThat(sum.totalTokens()).isEqualTo(18);
        assertThat(sum.reasoningTokens()).contains(3);
        assertThat(sum.cacheReadTokens()).isEmpty();
    }

    @Test
    void toolNamesAreValidatedAtDefinitionTime() {
        assertThatThrownBy(() -> new ToolDefinition("1bad", "x", null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> new ToolDefinition("a".repeat(65), "x", null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> new ToolDefinition("ok", "x", Json.parse("{\"type\":\"array\"}"))).isInstanceOf(ConfigurationException.class);
        assertThat(new ToolDefinition("read_file_2", "x", null).parameters().path("type").asString()).isEqualTo("object");
    }

    @Test
    void localImagePathsAreReadAndInlinedForEveryProvider(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("shot.jpg");
        Files.write(image, Conversations.PNG);
        Request request = Request.builder("m").addMessage(Message.user(ContentPart.text("look"), ContentPart.image(image.toString()))).build();
        assertThat(Json.write(OpenAIRequestTranslator.translate(request, false, "openai").body())).contains("data:image/jpeg;base64,iVBORw0KGgo=");
        assertThat(Json.write(AnthropicRequestTranslator.translate(request, false, "anthropic").body()))
                .contains("\"media_type\":\"image/jpeg\",\"data\":\"iVBORw0KGgo=\"");
        assertThat(Json.write(GeminiRequestTranslator.translate(request, "gemini").body()))
                .contains("\"inlineData\":{\"mimeType\":\"image/jpeg\",\"data\":\"iVBORw0KGgo=\"}");
        assertThat(MediaSource.of("./x.png")).isInstanceOf(MediaSource.LocalFile.class);
        assertThat(MediaSource.of("https://x/y.png")).isInstanceOf(MediaSource.Url.class);
    }

    @Test
    void audioAndDocumentsAreTranslatedOrGracefullyRejected() {
        ContentPart audio = new ContentPart.Audio(MediaData.of(MediaSource.of(new byte[] {1, 2}), "audio/wav"));
        ContentPart pdf = new ContentPart.Document(MediaData.of(MediaSource.of(new byte[] {3}), "application/pdf").withFileName("spec.pdf"));
        Request request = Request.builder("m").addMessage(Message.user(ContentPart.text("listen"), audio, pdf)).build();
        String gemini = Json.write(GeminiRequestTranslator.translate(request, "gemini").body());
        assertThat(gemini).contains("audio/wav").contains("application/pdf");
        assertThat(Json.write(OpenAIRequestTranslator.translate(request, false, "openai").body())).contains("input_audio").contains("input_file");
        assertThatThrownBy(() -> AnthropicRequestTranslator.translate(request, false, "anthropic"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("audio");
        Request documentOnly = Request.builder("m").addMessage(Message.user(pdf)).build();
        assertThat(Json.write(AnthropicRequestTranslator.translate(documentOnly, false, "anthropic").body()))
                .contains("\"type\":\"document\"").contains("\"title\":\"spec.pdf\"");
    }

    @Test
    void theAccumulatorBuildsWhatCompleteReturns() {
        StreamAccumulator accumulator = new StreamAccumulator("p", "m");
        List<StreamEvent> events = List.of(
                StreamEvent.StreamStart.of("r1", "m-2026"),
                new StreamEvent.ReasoningStart("r"), new StreamEvent.ReasoningDelta("r", "think"),
                new StreamEvent.ReasoningEnd("r", Optional.of("sig"), Optional.empty()),
                new StreamEvent.TextStart("t"), new StreamEvent.TextDelta("t", "Hel"), new StreamEvent.TextDelta("t", "lo"),
                new StreamEvent.TextEnd("t"),
                new StreamEvent.ToolCallStart("c1", "f"), new StreamEvent.ToolCallDelta("c1", "{\"a\":"),
                new StreamEvent.ToolCallEnd(ToolCall.fromRaw("c1", "f", "{\"a\":1}")));
        events.forEach(accumulator::process);
        Response partial = accumulator.partialResponse();
        assertThat(partial.id()).isEqualTo("r1");
        assertThat(partial.model()).isEqualTo("m-2026");
        assertThat(partial.message().content()).containsExactly(new ContentPart.Thinking("think", Optional.of("sig")),
                new ContentPart.Text("Hello"), new ContentPart.ToolCallPart(ToolCall.fromRaw("c1", "f", "{\"a\":1}")));
        Response done = accumulator.build(FinishReason.of(FinishReason.Reason.TOOL_CALLS, "tool_use"), Usage.of(1, 2), Optional.empty());
        accumulator.process(new StreamEvent.Finish(done.finishReason(), done.usage(), done));
        assertThat(accumulator.response()).isEqualTo(done);
    }

    @Test
    void finishReasonsNameTruncationAsLength() {
        assertThat(FinishReason.of(FinishReason.Reason.LENGTH, "max_tokens").isClean()).isFalse();
        assertThat(FinishReason.stop().isClean()).isTrue();
        assertThat(FinishReason.Reason.parse("tool_calls")).isEqualTo(FinishReason.Reason.TOOL_CALLS);
        assertThat(FinishReason.Reason.parse("weird")).isEqualTo(FinishReason.Reason.OTHER);
    }
}
