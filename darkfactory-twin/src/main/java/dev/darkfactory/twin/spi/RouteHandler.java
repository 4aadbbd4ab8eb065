package dev.darkfactory.twin.spi;

/**
 * Serves one route. Runs with the namespace's state locked: handlers of one namespace run one at a time, so
 * state may use plain collections. A handler that throws is answered with the twin's 500 body (and journaled).
 */
@FunctionalInterface
public interface RouteHandler<S> {

  TwinResponse handle(Call<S> call);
}
