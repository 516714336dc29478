package io.kinobezdna.cart.adapter.in.grpc;

import io.grpc.Context;
import io.kinobezdna.cart.application.pool.Cancellation;

/**
 * The current gRPC call's cancellation (client gone, deadline passed) as a {@link Cancellation}.
 */
final class GrpcCancellation implements Cancellation {

  private final Context context = Context.current();

  @Override
  public boolean isCancelled() {
    return context.isCancelled();
  }

  @Override
  public Registration onCancel(Runnable action) {
    Context.CancellationListener listener = cancelled -> action.run();
    context.addListener(listener, Runnable::run);
    return () -> context.removeListener(listener);
  }
}
