package io.kinobezdna.platform.id;

import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by creation
 * time and index well. Clock and randomness are injected, so tests control both.
 */
public final class UuidV7 {

  private final Clock clock;
  private final RandomGenerator random;

  public UuidV7(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  public UUID next() {
    long millis = clock.millis();
    long randA = random.nextLong() & 0xFFFL;
    long mostSignificant = (millis << 16) | (0x7L << 12) | randA;
    long randB = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
    long leastSignificant = Long.MIN_VALUE | randB; // variant 0b10
    return new UUID(mostSignificant, leastSignificant);
  }
}
