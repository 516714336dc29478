package io.kinobezdna.platform.context;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The request context over gRPC. The server side makes the incoming context current in every
 * callback of the call (gRPC may run them on different threads); the client side sends the current
 * context and turns its deadline into the call's gRPC deadline, so a downstream call never outlives
 * the request that made it.
 */
public final class GrpcContextInterceptors {

  private GrpcContextInterceptors() {}

  static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }

  public static ServerInterceptor server() {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        RequestContext fromHeaders = ContextPropagation.read(name -> headers.get(key(name)));
        Deadline grpcDeadline = Context.current().getDeadline();
        RequestContext context =
            grpcDeadline == null || fromHeaders.deadline().isPresent()
                ? fromHeaders
                : fromHeaders.withDeadline(
                    Optional.of(
                        Instant.now()
                            .plusMillis(grpcDeadline.timeRemaining(TimeUnit.MILLISECONDS))));
        ServerCall.Listener<Q> delegate = context.supply(() -> next.startCall(call, headers));
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
          @Override
          public void onMessage(Q message) {
            context.run(() -> super.onMessage(message));
          }

          @Override
          public void onHalfClose() {
            context.run(super::onHalfClose);
          }

          @Override
          public void onCancel() {
            context.run(super::onCancel);
          }

          @Override
          public void onComplete() {
            context.run(super::onComplete);
          }

          @Override
          public void onReady() {
            context.run(super::onReady);
          }
        };
      }
    };
  }

  /** The client side: the request context travels, its deadline becomes the call's. */
  public static ClientInterceptor client() {
    return client(null);
  }

  /**
   * As {@link #client()}, and a call that has no deadline from the request or its stub gets {@code
   * defaultDeadline}: a call to another service never waits forever.
   */
  public static ClientInterceptor client(Duration defaultDeadline) {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(
          MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        RequestContext context = RequestContext.current().orElseGet(RequestContext::newRequest);
        CallOptions withDeadline = options;
        if (context.deadline().isPresent()) {
          long millis = context.deadline().get().toEpochMilli() - System.currentTimeMillis();
          Deadline requestDeadline = Deadline.after(Math.max(0, millis), TimeUnit.MILLISECONDS);
          if (options.getDeadline() == null || requestDeadline.isBefore(options.getDeadline())) {
            withDeadline = options.withDeadline(requestDeadline);
          }
        }
        if (withDeadline.getDeadline() == null && defaultDeadline != null) {
          withDeadline =
              withDeadline.withDeadlineAfter(defaultDeadline.toMillis(), TimeUnit.MILLISECONDS);
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(method, withDeadline)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            ContextPropagation.write(context, (name, value) -> headers.put(key(name), value));
            super.start(listener, headers);
          }
        };
      }
    };
  }
}
