package dev.darkfactory.twin.fault;

/** Which matching calls a rule fires on. Calls are counted per rule, from 1, over the calls the rule matches. */
public sealed interface Trigger {

  /** Every matching call. */
  record Always() implements Trigger {}

  /** Only the n-th matching call. */
  record Nth(long n) implements Trigger {
    public Nth {
      if (n < 1) {
        throw new IllegalArgumentException("n counts from 1, not " + n);
      }
    }
  }

  /** Each matching call with probability {@code p}, drawn from the rule's seeded random source. */
  record Probability(double p) implements Trigger {
    public Probability {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("A probability is between 0 and 1, not " + p);
      }
    }
  }

  static Trigger always() {
    return new Always();
  }

  static Trigger nth(long n) {
    return new Nth(n);
  }

  static Trigger probability(double p) {
    return new Probability(p);
  }
}
