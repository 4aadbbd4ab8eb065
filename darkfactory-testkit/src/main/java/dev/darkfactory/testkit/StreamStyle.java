package dev.darkfactory.testkit;

/** How the twin frames server-sent events. */
public enum StreamStyle {
    /** {@code event:} and {@code data:} lines, as the providers send them. */
    EVENT_LINES,
    /** {@code data:} lines only, the event type only in the JSON, no {@code [DONE]}: the AttractorBench mock's style. */
    DATA_ONLY
}
