package dev.darkfactory.twin.control;

import dev.darkfactory.twin.Namespace;

/** A namespace a twin holds state for, and how many requests it has served since its last reset. */
public record NamespaceInfo(Namespace namespace, long requests) {}
