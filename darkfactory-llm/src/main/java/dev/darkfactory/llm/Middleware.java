package dev.darkfactory.llm;

/**
 * A cross-cutting concern wrapped around every provider call (unified-llm-spec §2.3), shaped like okhttp's
 * interceptor: inspect or replace the request, call {@code next}, inspect or replace the result. Middleware runs in
 * registration order on the way in and in reverse order on the way out (onion order), for streams too.
 */
public interface Middleware {

    /** Wraps a non-streaming call. */
    default Response complete(Request request, Next<Response> next) {
        return next.proceed(request);
    }

    /** Wraps a streaming call; use {@link EventStream#map} or {@link EventStream#peek} to see each event. */
    default EventStream stream(Request request, Next<EventStream> next) {
        return next.proceed(request);
    }

    /** The rest of the chain. */
    @FunctionalInterface
    interface Next<T> {
        T proceed(Request request);
    }
}
