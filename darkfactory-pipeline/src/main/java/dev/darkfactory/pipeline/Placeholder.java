package dev.darkfactory.pipeline;
final class Placeholder {}
