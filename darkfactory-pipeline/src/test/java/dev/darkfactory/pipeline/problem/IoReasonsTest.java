package dev.darkfactory.pipeline.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.state.JsonValues;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** A file problem's reason, in words, without repeating the path the caller already names. */
class IoReasonsTest {
  @Test
  void theJdksFileExceptionsBecomeWords() {
    assertThat(IoReasons.of(new NoSuchFileException("/runs/x"))).isEqualTo("no such file or directory");
    assertThat(IoReasons.of(new AccessDeniedException("/runs/x"))).isEqualTo("permission denied");
    assertThat(IoReasons.of(new FileAlreadyExistsException("/runs/x"))).isEqualTo("a file is in the way (/runs/x already exists)");
    assertThat(IoReasons.of(new NotDirectoryException("/runs/x"))).isEqualTo("not a directory");
    assertThat(IoReasons.of(new FileSystemException("/runs/x", null, "Read-only file system"))).isEqualTo("read-only file system");
    assertThat(IoReasons.of(new IOException("No space left on device"))).isEqualTo("No space left on device");
    assertThat(IoReasons.of(new IOException())).isEqualTo("IOException");
  }

  @Test
  void jsonErrorsGiveTheirPositionNotTheParsersInternals() {
    JacksonException error = null;
    try {
      JsonValues.parse("{\n  \"a\": 1,\n  \"b\": }");
    } catch (JacksonException e) {
      error = e;
    }
    assertThat(error).isNotNull();
    assertThat(IoReasons.of(error)).startsWith("not valid JSON at line 3, column").doesNotContain("REDACTED", "Source");
  }
}
