package dev.darkfactory.cli;

/** Prints what {@link Terminal#detect} sees, for {@link TerminalTest}'s child processes. */
public final class TerminalProbe {
  private TerminalProbe() {}

  public static void main(String[] args) {
    Terminal terminal = Terminal.detect();
    System.out.println("interactive=" + terminal.interactive() + " colour=" + terminal.colour());
  }
}
