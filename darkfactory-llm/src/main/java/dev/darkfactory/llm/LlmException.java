package dev.darkfactory.llm;

/**
 * The root of every failure the client reports (unified-llm-spec §6.1, {@code SDKError}). Unchecked and sealed:
 * callers switch over the subtypes. Every error says whether retrying can help and carries a one-line remedy a
 * user can act on.
 */
public abstract sealed class LlmException extends RuntimeException
    permits ProviderException,
        RequestTimeoutException,
        AbortException,
        NetworkException,
        StreamException,
        InvalidToolCallException,
        UnsupportedToolChoiceException,
        NoObjectGeneratedException,
        ConfigurationException {

  private final String remedy;

  protected LlmException(String message, String remedy, Throwable cause) {
    super(message, cause);
    this.remedy = remedy;
  }

  /** Whether the same call may succeed if repeated (§6.3). */
  public abstract boolean retryable();

  /** One line telling the user what to do about it. */
  public String remedy() {
    return remedy;
  }

  /** The snake_case kind name used in JSON output ("rate_limit", "authentication", ...). */
  public abstract String kind();
}
