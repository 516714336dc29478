package io.kinobezdna.orders.domain;

/**
 * What orders keeps of one SKU: premiere tickets have a number of seats, of which some are held by
 * orders awaiting payment; digital offers (rent, buy, subscription) are unlimited.
 */
public record Stock(long sku, boolean unlimited, long total, long reserved) {

  public Stock {
    if (!unlimited && (reserved < 0 || reserved > total)) {
      throw new IllegalArgumentException("reserved must be within 0.." + total + ": " + reserved);
    }
  }

  public static Stock unlimited(long sku) {
    return new Stock(sku, true, 0, 0);
  }

  public static Stock limited(long sku, long total) {
    return new Stock(sku, false, total, 0);
  }

  /** How many can still be ordered. */
  public long available() {
    return unlimited ? Long.MAX_VALUE : total - reserved;
  }

  public boolean canReserve(int count) {
    return unlimited || available() >= count;
  }

  /** Holds count for an order awaiting payment. */
  public Stock reserve(int count) {
    if (!canReserve(count)) {
      throw new IllegalStateException("only " + available() + " of SKU " + sku + " left");
    }
    return unlimited ? this : new Stock(sku, false, total, reserved + count);
  }

  /** Gives back what a cancelled order held. */
  public Stock release(int count) {
    return unlimited ? this : new Stock(sku, false, total, reserved - count);
  }

  /** A paid order takes what it held for good. */
  public Stock sell(int count) {
    return unlimited ? this : new Stock(sku, false, total - count, reserved - count);
  }
}
