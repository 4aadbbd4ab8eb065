package dev.darkfactory.server.dto;

/** {@code 201} from {@code POST /pipelines}: the new run's ID and where to watch it. */
public record SubmitResponse(String id, String status, String url, String events) {}
