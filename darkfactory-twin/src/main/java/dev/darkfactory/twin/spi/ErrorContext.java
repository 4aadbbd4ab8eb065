package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.IdGenerator;
import java.util.Optional;

/** What an error body may use: the request, its namespace when known, and ids (for request ids in error bodies). */
public record ErrorContext(TwinRequest request, Optional<Namespace> namespace, IdGenerator ids) {}
