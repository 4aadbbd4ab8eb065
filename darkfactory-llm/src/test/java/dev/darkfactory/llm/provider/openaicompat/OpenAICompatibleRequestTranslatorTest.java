package dev.darkfactory.llm.provider.openaicompat;

import dev.darkfactory.llm.Conversations;
import dev.darkfactory.llm.Golden;
import org.junit.jupiter.api.Test;

class OpenAICompatibleRequestTranslatorTest {

    @Test
    void translatesEveryRoleAndContentKind() {
        Golden.assertMatches(OpenAICompatibleRequestTranslator.translate(Conversations.everything("llama3.2"), true, "ollama").body(),
                "provider/openaicompat/request-everything.json");
    }
}
