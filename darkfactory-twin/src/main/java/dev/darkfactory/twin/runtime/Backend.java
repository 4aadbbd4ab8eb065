package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.spi.TwinRequest;

/** What serves vendor requests behind the pipeline: an in-process twin, or the gateway to an external one. */
interface Backend {

  Served serve(TwinRequest request, Namespace namespace);
}
