package io.kinobezdna.cart.adapter.out.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.kinobezdna.cart.adapter.out.CallTurns;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Holds every call on its channel until the shared limiter gives it a turn: the call waits (it is
 * not refused) as long as its turn comes before its deadline; a call whose turn would come too late
 * fails at once with DEADLINE_EXCEEDED and takes no turn from the others.
 *
 * <p>The wait happens on the calling thread before the call starts — for the blocking stubs the
 * cart uses that is the request's own (virtual) thread — and an interrupt (the worker pool
 * cancelling) ends it with CANCELLED.
 */
public final class RateLimitInterceptor implements ClientInterceptor {

  /** A turn at most this far ahead is waited for when the call has no deadline at all. */
  static final Duration WITHOUT_DEADLINE = Duration.ofSeconds(30);

  private final CallTurns turns;

  public RateLimitInterceptor(CallTurns turns) {
    this.turns = turns;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    Optional<Duration> wait = turns.reserve(maxWait(options));
    Status refusal = null;
    if (wait.isEmpty()) {
      refusal =
          Status.DEADLINE_EXCEEDED.withDescription(
              "the catalog rate limit has no turn free before the request's deadline");
    } else if (!wait.get().isZero()) {
      try {
        Thread.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        refusal = Status.CANCELLED.withDescription("cancelled while waiting for a turn");
      }
    }
    if (refusal == null) {
      return next.newCall(method, options);
    }
    Status failed = refusal;
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        listener.onClose(failed, new Metadata());
      }

      @Override
      public void request(int numMessages) {}

      @Override
      public void sendMessage(Q message) {}

      @Override
      public void halfClose() {}
    };
  }

  private static Duration maxWait(CallOptions options) {
    Deadline deadline = options.getDeadline();
    Deadline contextDeadline = Context.current().getDeadline();
    if (deadline == null || (contextDeadline != null && contextDeadline.isBefore(deadline))) {
      deadline = contextDeadline;
    }
    return deadline == null
        ? WITHOUT_DEADLINE
        : Duration.ofMillis(Math.max(0, deadline.timeRemaining(TimeUnit.MILLISECONDS)));
  }
}
