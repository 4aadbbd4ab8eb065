package dev.darkfactory.twin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.twin.fixture.Http;
import dev.darkfactory.twin.fixture.NotesTwin;
import org.junit.jupiter.api.Test;

/** A twin's Content-Type is the only one on the wire (Javalin's default text/plain must not ride along). */
class ContentTypeTest {

  @Test
  void theTwinsContentTypeIsTheOnlyOne() {
    try (TwinServer twin = TwinServer.start(new NotesTwin())) {
      Http.Answer answer = new Http(twin.baseUrl()).post("/notes", "alice", "{\"text\":\"hi\"}");

      assertThat(answer.headers().allValues("Content-Type")).containsExactly("application/json");
    }
  }
}
