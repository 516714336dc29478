package io.kinobezdna.platform.tx;

import java.util.function.Supplier;

/**
 * A port for use cases that change several things at once (state, totals, an outbox event): they
 * say where the transaction starts and ends, the adapters join it.
 */
public interface Transactions {

  /** Runs the work in one database transaction: all of it commits, or none. */
  <T> T inTransaction(Supplier<T> work);
}
