package io.kinobezdna.cart.application.pool;

/**
 * The caller's "stop now" signal — Go's ctx.Done() for Java: the request was cancelled or its
 * deadline passed. The gRPC adapter backs it with the call's io.grpc.Context.
 */
public interface Cancellation {

  /** A signal that never fires (for callers without a context). */
  Cancellation NONE =
      new Cancellation() {
        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public Registration onCancel(Runnable action) {
          return () -> {};
        }
      };

  boolean isCancelled();

  /**
   * Runs action once when the signal fires (at once if it already has); the registration removes it
   * again.
   */
  Registration onCancel(Runnable action);

  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
