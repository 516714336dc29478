package io.kinobezdna.platform.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Channels from one service to another's gRPC port ({@code kb.grpc-services.<name>}). */
public final class GrpcChannels {

  private GrpcChannels() {}

  /**
   * A plaintext channel that sends the current request context (token, request id, deadline) with
   * every call. The context interceptor runs first, so the given interceptors already see the
   * request's deadline on the call.
   */
  public static ManagedChannel toService(URI address, ClientInterceptor... interceptors) {
    List<ClientInterceptor> chain = new ArrayList<>(List.of(interceptors));
    // grpc-java runs the interceptor added last first
    chain.add(GrpcContextInterceptors.client());
    return ManagedChannelBuilder.forAddress(address.getHost(), address.getPort())
        .usePlaintext()
        .intercept(chain)
        .build();
  }
}
