package dev.darkfactory.server.api;

import dev.darkfactory.server.dto.AnswerRequest;
import dev.darkfactory.server.dto.QuestionList;
import dev.darkfactory.server.run.RunIds;
import dev.darkfactory.server.run.RunManager;
import io.javalin.config.RoutesConfig;

/**
 * Human gates over HTTP (attractor-spec.md 6, 9.5): a run's pending questions, every run's
 * pending questions for scripts and bots ({@code GET /questions}), and answering one.
 */
final class QuestionRoutes {
  private final RunManager runs;
  private final long maxBytes;

  QuestionRoutes(RunManager runs, long maxBytes) {
    this.runs = runs;
    this.maxBytes = maxBytes;
  }

  void register(RoutesConfig routes) {
    routes.get("/questions", ctx -> ctx.json(new QuestionList(runs.allQuestions())));
    routes.get("/pipelines/{id}/questions", ctx -> ctx.json(new QuestionList(runs.questions(ctx.pathParam("id")))));
    routes.post("/pipelines/{id}/questions/{qid}/answer", ctx -> {
      String id = RunIds.requireRunId(ctx.pathParam("id"));
      String questionId = RunIds.requireQuestionId(ctx.pathParam("qid"));
      runs.summary(id);
      AnswerRequest answer = Bodies.read(ctx, AnswerRequest.class, maxBytes);
      runs.answer(id, questionId, answer);
      ctx.status(202).json(new QuestionList(runs.questions(id)));
    });
  }
}
