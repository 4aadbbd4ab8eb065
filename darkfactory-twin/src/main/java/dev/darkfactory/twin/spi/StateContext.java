package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.IdGenerator;
import java.time.Instant;

/** What a state model may use to create or read a namespace's state: its namespace, the twin's time and its ids. */
public record StateContext(Namespace namespace, Instant now, IdGenerator ids) {}
