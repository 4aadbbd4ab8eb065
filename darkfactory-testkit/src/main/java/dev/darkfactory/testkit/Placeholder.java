package dev.darkfactory.testkit; final class Placeholder {}
