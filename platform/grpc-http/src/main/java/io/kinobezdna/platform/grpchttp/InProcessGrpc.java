package io.kinobezdna.platform.grpchttp;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcServerInterceptor;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A service's own gRPC services on an in-process server, for the HTTP/JSON transcoder: a call
 * crosses no socket but passes the same interceptors as one from the network (request context
 * first, then protovalidate; the trace goes on through a client and a server span, because the
 * server runs the call on a thread of its own), and its name is unique, so several services — or
 * several instances of one in a test — can share a JVM.
 */
public final class InProcessGrpc implements AutoCloseable {

  private final Server server;
  private final ManagedChannel channel;

  private InProcessGrpc(Server server, ManagedChannel channel) {
    this.server = server;
    this.channel = channel;
  }

  public static InProcessGrpc start(
      List<BindableService> services,
      ProtoValidationInterceptor validation,
      ObservationRegistry observations) {
    String name = "transcoder-" + UUID.randomUUID();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name);
    for (BindableService service : services) {
      // the last interceptor given runs first: the request context is set before validation
      builder.addService(
          ServerInterceptors.intercept(
              service,
              List.<ServerInterceptor>of(
                  validation,
                  GrpcContextInterceptors.server(),
                  new ObservationGrpcServerInterceptor(observations))));
    }
    try {
      Server server = builder.build().start();
      ManagedChannel channel =
          InProcessChannelBuilder.forName(name)
              .intercept(
                  new ObservationGrpcClientInterceptor(observations),
                  GrpcContextInterceptors.client())
              .build();
      return new InProcessGrpc(server, channel);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdown();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
