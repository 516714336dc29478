package io.kinobezdna.platform.grpcweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.SerializationFormat;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * A service's gRPC handlers and global interceptors, answered as gRPC-Web by the auto-configured
 * Armeria server, called by Armeria's gRPC-Web client in both wire formats.
 */
class GrpcWebAutoConfigurationTest {

  private static final Metadata.Key<String> CALLER =
      Metadata.Key.of("x-caller-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final AtomicReference<String> seenCaller = new AtomicReference<>();
  private static final HealthStatusManager health = new HealthStatusManager();
  private static ConfigurableApplicationContext service;

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Service {

    @Bean
    BindableService healthService() {
      return health.getHealthService();
    }

    @Bean
    @GlobalServerInterceptor
    ServerInterceptor rememberCaller() {
      return new ServerInterceptor() {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
          seenCaller.set(headers.get(CALLER));
          return next.startCall(call, headers);
        }
      };
    }
  }

  @BeforeAll
  static void start() {
    service =
        new SpringApplicationBuilder(Service.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.grpc.server.port=0",
                "--spring.grpc.server.address=127.0.0.1",
                // the test registers the health service itself, with statuses it sets
                "--spring.grpc.server.health.enabled=false",
                "--kb.grpc-web.port=0");
    health.setStatus("player", ServingStatus.SERVING);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static HealthGrpc.HealthBlockingStub client(SerializationFormat format) {
    int port = service.getBean(GrpcWebServer.class).port();
    return GrpcClients.builder("http://127.0.0.1:" + port)
        .serializationFormat(format)
        .build(HealthGrpc.HealthBlockingStub.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gproto-web", "gproto-web-text"})
  void aCallReachesTheHandlerThroughTheServicesInterceptors(String formatName) {
    Metadata caller = new Metadata();
    caller.put(CALLER, "user-" + formatName);

    ServingStatus status =
        client(SerializationFormat.of(formatName))
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(caller))
            .check(HealthCheckRequest.newBuilder().setService("player").build())
            .getStatus();

    assertThat(status).isEqualTo(ServingStatus.SERVING);
    assertThat(seenCaller.get()).isEqualTo("user-" + formatName);
  }

  @Test
  void aFailedCallComesBackWithItsStatus() {
    assertThatThrownBy(
            () ->
                client(GrpcSerializationFormats.PROTO_WEB)
                    .check(HealthCheckRequest.newBuilder().setService("nobody").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void itListensOnLoopbackOnly() {
    GrpcWebServer server = service.getBean(GrpcWebServer.class);

    assertThat(server.isRunning()).isTrue();
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void withoutAPortThereIsNoGrpcWebServer() {
    try (ConfigurableApplicationContext plain =
        new SpringApplicationBuilder(Service.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.grpc.server.port=0",
                "--spring.grpc.server.address=127.0.0.1",
                "--spring.grpc.server.health.enabled=false")) {
      assertThat(plain.getBeanNamesForType(GrpcWebServer.class)).isEmpty();
    }
  }
}
