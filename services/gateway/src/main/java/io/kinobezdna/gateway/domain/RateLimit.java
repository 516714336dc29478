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

  /**
   * How many permits one gateway instance takes from the shared budget at once and then hands out
   * locally (a tenth of the burst, at most 10): a busy caller costs one Redis round trip per lease
   * instead of one per request. Leased permits are spent from the shared budget when leased, so all
   * instances together never let more through than the limit; a lease left unused runs out, which
   * errs on the strict side. A burst under 20 leases one permit at a time: exact.
   */
  public int leaseSize() {
    return Math.max(1, Math.min(10, burst / 10));
  }

  /** Milliseconds between two requests at the sustained rate. */
  public double emissionIntervalMillis() {
    return 1000.0 / perSecond;
  }
}
