package dev.darkfactory.pipeline.problem;

/**
 * The pipeline module's failures. Each message says what failed, where, and what to do about it.
 *
 * <p>Outcomes of stages that fail are values ({@code Outcome}), not exceptions: these are for
 * inputs that cannot be run at all.
 */
public abstract sealed class PipelineException extends RuntimeException
    permits DotSyntaxException,
        ValidationException,
        PipelineSourceException,
        ConditionSyntaxException,
        StylesheetSyntaxException,
        RenderException,
        RunStorageException,
        ResumeException,
        ScriptFileException,
        RunDirectoryUnusableException,
        BackendConfigurationException {

  protected PipelineException(String message) {
    super(message);
  }

  protected PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
