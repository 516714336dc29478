package io.kinobezdna.auth.application.port;

import java.util.function.Supplier;

public interface Transactions {

  /** Runs the work in one database transaction: all of it commits, or none. */
  <T> T inTransaction(Supplier<T> work);
}
