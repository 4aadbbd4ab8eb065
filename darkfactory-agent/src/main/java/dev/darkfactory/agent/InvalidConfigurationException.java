package dev.darkfactory.agent;

/** A session, profile, tool or environment was configured with a value that cannot work. */
public final class InvalidConfigurationException extends AgentException {

  public InvalidConfigurationException(String message) {
    super(message, null);
  }
}
