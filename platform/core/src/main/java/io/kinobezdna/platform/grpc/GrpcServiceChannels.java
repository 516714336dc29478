package io.kinobezdna.platform.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The channels a service opens to the others, by service name ({@code kb.grpc-services.<name>}),
 * each with the request context, the configured default deadline ({@link GrpcChannels}) and the
 * trace context (a client span per call, its {@code traceparent} sent along); all are shut down
 * with the application.
 */
public final class GrpcServiceChannels implements AutoCloseable {

  private final Map<String, URI> addresses;
  private final Duration defaultDeadline;
  private final ObservationRegistry observations;
  private final List<ManagedChannel> opened = new CopyOnWriteArrayList<>();

  public GrpcServiceChannels(
      Map<String, URI> addresses, Duration defaultDeadline, ObservationRegistry observations) {
    this.addresses = Map.copyOf(addresses);
    this.defaultDeadline = defaultDeadline;
    this.observations = observations;
  }

  /**
   * A new channel to the named service; the interceptors run after the request context's, so they
   * already see the call's deadline.
   */
  public ManagedChannel channel(String service, ClientInterceptor... interceptors) {
    URI address = addresses.get(service);
    if (address == null) {
      throw new IllegalStateException(
          "no address for the " + service + " service: set kb.grpc-services." + service);
    }
    List<ClientInterceptor> chain = new ArrayList<>(List.of(interceptors));
    chain.add(new ObservationGrpcClientInterceptor(observations));
    ManagedChannel channel =
        GrpcChannels.toService(address, defaultDeadline, chain.toArray(ClientInterceptor[]::new));
    opened.add(channel);
    return channel;
  }

  @Override
  public void close() {
    opened.forEach(ManagedChannel::shutdownNow);
  }
}
