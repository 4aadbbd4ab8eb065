package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AbortSignalTest {

    @Test
    void childrenFollowTheirParentUntilReleased() {
        AbortSignal parent = AbortSignal.create();
        AbortSignal attached = parent.child();
        AbortSignal released = parent.child();
        released.release();
        parent.abort();
        assertThat(attached.isAborted()).isTrue();
        assertThat(released.isAborted()).isFalse();
        assertThatThrownBy(attached::throwIfAborted).isInstanceOf(AbortException.class);
    }

    @Test
    void aDeadlineAbortsWithATimeoutAndCanBeDisarmed() throws Exception {
        AbortSignal signal = AbortSignal.create();
        signal.abortAfter(Duration.ofMillis(20), "The disarmed deadline").remove();
        // A later deadline on the same signal fires; the disarmed one had its chance first, and the first reason wins.
        signal.abortAfter(Duration.ofMillis(200), "The armed deadline");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(signal::isAborted);
        assertThat(signal.reason()).hasValueSatisfying(reason -> assertThat(reason).hasMessageStartingWith("The armed deadline"));
        AbortSignal timed = AbortSignal.withTimeout(Duration.ofMillis(10), "The test");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(timed::isAborted);
        assertThat(timed.reason()).hasValueSatisfying(reason -> assertThat(reason).isInstanceOf(RequestTimeoutException.class));
    }

    @Test
    void listenersRunOnceAndLateListenersRunAtOnce() {
        AbortSignal signal = AbortSignal.create();
        AtomicInteger runs = new AtomicInteger();
        signal.onAbort(runs::incrementAndGet);
        signal.abort();
        signal.abort(new AbortException("again"));
        signal.onAbort(runs::incrementAndGet);
        assertThat(runs).hasValue(2);
        assertThat(signal.reason().orElseThrow().getMessage()).isEqualTo("The call was aborted");
    }
}
