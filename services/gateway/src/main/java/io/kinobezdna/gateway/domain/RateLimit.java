package io.kinobezdna.gateway.domain;

/**
 * A sustained rate with a burst allowance (GCRA): {@code perSecond} requests per second on average,
 * up to {@code burst} at once after a quiet spell.
 */
public record RateLimit(double perSecond, int burst) {

  public RateLimit {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
    }
  }

  /** Milliseconds between two requests at the sustained rate. */
  public double emissionIntervalMillis() {
    return 1000.0 / perSecond;
  }
}
