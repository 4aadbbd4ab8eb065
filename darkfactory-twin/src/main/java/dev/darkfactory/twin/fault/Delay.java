package dev.darkfactory.twin.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/** How long an added latency lasts: fixed, or drawn from a distribution with the rule's seeded random source. */
public sealed interface Delay {

  /** One draw; never negative. */
  Duration sample(SplittableRandom random);

  record Fixed(Duration duration) implements Delay {
    public Fixed {
      requirePositive(duration, "duration");
    }

    @Override
    public Duration sample(SplittableRandom random) {
      return duration;
    }
  }

  /** Uniform in {@code [min, max]}. */
  record Uniform(Duration min, Duration max) implements Delay {
    public Uniform {
      requirePositive(min, "min");
      requirePositive(max, "max");
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("max " + max + " is below min " + min);
      }
    }

    @Override
    public Duration sample(SplittableRandom random) {
      long span = max.toNanos() - min.toNanos();
      return min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
    }
  }

  /** Normal with the given mean and standard deviation, clipped at zero. */
  record Normal(Duration mean, Duration stddev) implements Delay {
    public Normal {
      requirePositive(mean, "mean");
      requirePositive(stddev, "stddev");
    }

    @Override
    public Duration sample(SplittableRandom random) {
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      double gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Duration.ofNanos(Math.max(0, (long) (mean.toNanos() + gaussian * stddev.toNanos())));
    }
  }

  /** Exponential with the given mean: mostly short, with a long tail, as queueing delays are. */
  record Exponential(Duration mean) implements Delay {
    public Exponential {
      requirePositive(mean, "mean");
    }

    @Override
    public Duration sample(SplittableRandom random) {
      return Duration.ofNanos((long) (-Math.log(1.0 - random.nextDouble()) * mean.toNanos()));
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + duration);
    }
  }
}
