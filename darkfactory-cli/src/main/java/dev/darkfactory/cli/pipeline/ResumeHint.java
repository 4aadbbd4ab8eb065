package dev.darkfactory.cli.pipeline;

import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The command that continues a stopped run, shown by {@code run}, {@code resume} and {@code status}.
 * A run that stopped at a human gate with nobody to ask stops there again when resumed the same
 * way, so its command says how the gate gets answered: {@code --answers FILE} (the stop message
 * says what the file holds, and that {@code --auto-approve} or a terminal do too).
 */
final class ResumeHint {
  private ResumeHint() {}

  static String of(Path logsRoot, Optional<StopReason> reason) {
    String command = "factory resume " + logsRoot;
    return reason.filter(r -> r.code().equals(StopReason.NEEDS_HUMAN)).map(r -> command + " --answers FILE").orElse(command);
  }
}
