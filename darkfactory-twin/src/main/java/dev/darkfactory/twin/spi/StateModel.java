package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.StateReadException;
import tools.jackson.databind.JsonNode;

/**
 * A namespace's state and its JSON form: {@code create} gives the empty state (after a reset), {@code read} loads
 * a seed, {@code write} gives the snapshot. {@code read(write(s))} must describe the same state.
 */
public interface StateModel<S> {

  S create(StateContext context);

  /**
   * Reads seed JSON.
   *
   * @throws StateReadException pointing (by JSON Pointer) at the value that does not fit, saying what was expected
   */
  S read(JsonNode json, StateContext context);

  JsonNode write(S state);
}
