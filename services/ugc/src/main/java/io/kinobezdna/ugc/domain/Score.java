package io.kinobezdna.ugc.domain;

/** A rating of a film: 1 (worst) to 10 (best). */
public record Score(int value) {

  public static final int MIN = 1;
  public static final int MAX = 10;

  public static boolean isValid(Integer value) {
    return value != null && value >= MIN && value <= MAX;
  }

  public Score {
    if (!isValid(value)) {
      throw new IllegalArgumentException("a score is from 1 to 10");
    }
  }
}
