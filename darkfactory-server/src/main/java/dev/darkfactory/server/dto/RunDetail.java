package dev.darkfactory.server.dto;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /pipelines/{id}}: the summary plus progress: stages in the order they started, every
 * node's current status (what the graph is coloured by), the decision audit and open questions.
 *
 * @param decisions the {@code EdgeSelected} decisions as the engine wrote them: why each edge was chosen
 */
public record RunDetail(
    RunSummary run,
    List<StageDto> stages,
    Map<String, String> nodeStatus,
    Optional<String> currentNode,
    List<JsonNode> decisions,
    List<QuestionDto> questions,
    long eventCount) {
  public RunDetail {
    stages = List.copyOf(stages);
    nodeStatus = Map.copyOf(nodeStatus);
    decisions = List.copyOf(decisions);
    questions = List.copyOf(questions);
  }
}
