package io.kinobezdna.platform.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Channels from one service to another's gRPC port; a Spring service asks {@link
 * GrpcServiceChannels} for them by name.
 */
public final class GrpcChannels {

  private GrpcChannels() {}

  /**
   * A plaintext channel that sends the current request context (token, request id, deadline) with
   * every call; a call without a deadline gets the default one. The context interceptor runs first,
   * so the given interceptors already see the call's deadline.
   */
  public static ManagedChannel toService(
      URI address, Duration defaultDeadline, ClientInterceptor... interceptors) {
    List<ClientInterceptor> chain = new ArrayList<>(List.of(interceptors));
    // grpc-java runs the interceptor added last first
    chain.add(GrpcContextInterceptors.client(defaultDeadline));
    return ManagedChannelBuilder.forAddress(address.getHost(), address.getPort())
        .usePlaintext()
        .intercept(chain)
        .build();
  }
}
