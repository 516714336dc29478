package io.kinobezdna.catalog.domain;

/** An amount in minor units (kopecks) of an ISO 4217 currency: never a floating point number. */
public record Money(long minorUnits, String currency) {

  public static final String RUB = "RUB";

  public Money {
    if (minorUnits < 0) {
      throw new IllegalArgumentException("a price cannot be negative");
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("a currency is a three-letter ISO 4217 code");
    }
  }

  public static Money rubles(long rubles) {
    return new Money(rubles * 100, RUB);
  }
}
