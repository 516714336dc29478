package io.kinobezdna.platform.grpcweb;

import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.GrpcServiceBuilder;
import io.grpc.ServerServiceDefinition;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * An Armeria server that answers gRPC-Web and gRPC-Web-text (and plain gRPC) with the service's own
 * gRPC handlers, interceptors included. Armeria does the framing: messages and trailers in the
 * body, base64 for -text, streaming answers as they come.
 *
 * <p>Handlers run on Armeria's blocking executor, as they do JDBC. No server-side request timeout:
 * server streams stay open as long as the caller wants; a caller's {@code grpc-timeout} still
 * applies.
 */
public final class GrpcWebServer implements SmartLifecycle {

  private final Server server;

  public GrpcWebServer(List<ServerServiceDefinition> services, GrpcWebProperties properties) {
    GrpcServiceBuilder grpc =
        GrpcService.builder()
            .supportedSerializationFormats(GrpcSerializationFormats.values())
            .maxRequestMessageLength((int) properties.maxRequestMessageSize().toBytes())
            .useBlockingTaskExecutor(true);
    services.forEach(grpc::addService);
    this.server =
        Server.builder()
            .http(new InetSocketAddress(properties.address(), properties.port()))
            .requestTimeout(Duration.ZERO)
            .service(grpc.build())
            .build();
  }

  /** The port it listens on (the one picked, when configured as 0). */
  public int port() {
    return server.activeLocalPort();
  }

  /** The address it listens on. */
  public InetSocketAddress address() {
    return server.activePort().localAddress();
  }

  @Override
  public void start() {
    server.start().join();
  }

  @Override
  public void stop() {
    server.stop().join();
  }

  @Override
  public boolean isRunning() {
    return server.activePort() != null;
  }
}
