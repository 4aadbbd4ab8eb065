package dev.darkfactory.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that calls a real provider: it needs the network and a real API key, and it costs money. It runs
 * only when live tests are asked for explicitly, with the Maven profile {@code -Plive} (or {@code
 * -Ddarkfactory.live.tests=true}) or {@code DARKFACTORY_LIVE_TESTS=1}, and the provider's {@link #key()} is set. A key
 * that merely happens to be set in the shell never runs it: otherwise the test is reported as skipped, with a message
 * saying how to enable it. It is a {@code @Test} itself, tagged {@code live} ({@code -Dgroups=live} selects only these).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("live")
@ExtendWith(LiveTestCondition.class)
public @interface LiveTest {

  /** The environment variable holding the provider's API key, such as {@code OPENAI_API_KEY}. */
  String key();
}
