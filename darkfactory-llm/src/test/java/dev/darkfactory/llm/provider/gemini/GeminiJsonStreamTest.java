package dev.darkfactory.llm.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.Twins;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Gemini may stream as a JSON array of chunks instead of SSE (§7.7); the adapter accepts both. */
class GeminiJsonStreamTest {

    @Test
    void aJsonArrayAnswerToAStreamRequestIsReplayedAsChunks() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = """
                    [{"candidates":[{"content":{"parts":[{"text":"Hello "}],"role":"model"}}]},
                     {"candidates":[{"content":{"parts":[{"text":"array"}],"role":"model"},"finishReason":"STOP"}],
                      "usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2,"totalTokenCount":5}}]""".getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (GeminiAdapter adapter = new GeminiAdapter(AdapterConfig.builder("gemini",
                "http://127.0.0.1:" + server.getAddress().getPort()).apiKey("k").timeout(Twins.FAST).build());
                EventStream events = adapter.stream(Request.of("gemini-3-flash-preview", "hi"))) {
            Response response = events.collect();
            assertThat(response.text()).isEqualTo("Hello array");
            assertThat(response.usage().totalTokens()).isEqualTo(5);
        } finally {
            server.stop(0);
        }
    }
}
