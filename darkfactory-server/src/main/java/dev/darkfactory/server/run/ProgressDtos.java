package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.report.StageProgress;
import dev.darkfactory.pipeline.report.UsageTotals;
import dev.darkfactory.server.dto.StageDto;
import dev.darkfactory.server.dto.UsageDto;

/** The wire form of a run's folded progress ({@code RunProjection}): wire records stay apart from domain types. */
final class ProgressDtos {
  private ProgressDtos() {}

  static StageDto stage(StageProgress stage) {
    return new StageDto(stage.nodeId(), stage.name(), stage.handlerType(), stage.status(), stage.attempts(), stage.index(),
        stage.startedAt(), stage.durationMs(), stage.notes(), stage.error(), stage.usage().map(ProgressDtos::usage), stage.notesLog());
  }

  static UsageDto usage(UsageTotals usage) {
    return new UsageDto(usage.inputTokens(), usage.outputTokens(), usage.totalTokens(), usage.costUsd());
  }
}
