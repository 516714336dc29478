package io.kinobezdna.platform.tx;

import java.util.function.IntUnaryOperator;

/** Work done a batch at a time, each batch its own statement, so no transaction grows unbounded. */
public final class Batches {

  private Batches() {}

  /**
   * Runs {@code batch} (given the batch size, answering how many rows it handled) until a batch
   * comes back short; returns the total.
   */
  public static int untilShort(int size, IntUnaryOperator batch) {
    int total = 0;
    int handled;
    do {
      handled = batch.applyAsInt(size);
      total += handled;
    } while (handled == size);
    return total;
  }
}
