package dev.darkfactory.server.dto;

/** The body of {@code POST /validate}. */
public record ValidateRequest(String dot) {}
