package io.kinobezdna.platform.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.grpc.testing.protobuf.SimpleRequest;
import io.grpc.testing.protobuf.SimpleResponse;
import io.grpc.testing.protobuf.SimpleServiceGrpc;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real gRPC call (in-process transport) through both interceptors. */
class GrpcContextInterceptorsTest {

  private final AtomicReference<RequestContext> seenByServer = new AtomicReference<>();
  private final AtomicLong serverDeadlineMillis = new AtomicLong(-1);
  private Server server;
  private ManagedChannel channel;
  private String serverName;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    serverName = name;
    SimpleServiceGrpc.SimpleServiceImplBase service =
        new SimpleServiceGrpc.SimpleServiceImplBase() {
          @Override
          public void unaryRpc(SimpleRequest request, StreamObserver<SimpleResponse> response) {
            seenByServer.set(RequestContext.current().orElse(null));
            if (Context.current().getDeadline() != null) {
              serverDeadlineMillis.set(
                  Context.current().getDeadline().timeRemaining(TimeUnit.MILLISECONDS));
            }
            response.onNext(SimpleResponse.newBuilder().setResponseMessage("ok").build());
            response.onCompleted();
          }
        };
    server =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(service, GrpcContextInterceptors.server()))
            .build()
            .start();
    channel =
        InProcessChannelBuilder.forName(name).intercept(GrpcContextInterceptors.client()).build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void theCallersContextAndDeadlineReachTheServer() {
    RequestContext context =
        new RequestContext(
            "req-42",
            Optional.of("user-9"),
            Optional.of("token"),
            Optional.of(Instant.now().plusSeconds(5)));

    String answer =
        context.supply(
            () ->
                SimpleServiceGrpc.newBlockingStub(channel)
                    .unaryRpc(SimpleRequest.getDefaultInstance())
                    .getResponseMessage());

    assertThat(answer).isEqualTo("ok");
    assertThat(seenByServer.get().requestId()).isEqualTo("req-42");
    assertThat(seenByServer.get().callerId()).contains("user-9");
    assertThat(seenByServer.get().bearerToken()).contains("token");
    assertThat(serverDeadlineMillis.get()).isBetween(1L, 5000L);
  }

  @Test
  void aCallWithoutContextStillGetsARequestIdAndTheGrpcDeadlineBecomesTheRequestDeadline() {
    SimpleServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(3, TimeUnit.SECONDS)
        .unaryRpc(SimpleRequest.getDefaultInstance());

    assertThat(seenByServer.get().requestId()).isNotBlank();
    assertThat(seenByServer.get().callerId()).isEmpty();
    assertThat(seenByServer.get().deadline())
        .hasValueSatisfying(d -> assertThat(d).isAfter(Instant.now()));
  }

  @Test
  void aCallWithoutAnyDeadlineGetsTheDefaultOneAndAShorterOwnDeadlineIsKept() {
    ManagedChannel withDefault =
        InProcessChannelBuilder.forName(serverName)
            .intercept(GrpcContextInterceptors.client(Duration.ofSeconds(7)))
            .build();
    try {
      SimpleServiceGrpc.newBlockingStub(withDefault).unaryRpc(SimpleRequest.getDefaultInstance());
      assertThat(serverDeadlineMillis.get()).isBetween(5_000L, 7_000L);

      SimpleServiceGrpc.newBlockingStub(withDefault)
          .withDeadlineAfter(2, TimeUnit.SECONDS)
          .unaryRpc(SimpleRequest.getDefaultInstance());
      assertThat(serverDeadlineMillis.get()).isBetween(1L, 2_000L);
    } finally {
      withDefault.shutdownNow();
    }
    // the plain client interceptor adds none
    serverDeadlineMillis.set(-1);
    SimpleServiceGrpc.newBlockingStub(channel).unaryRpc(SimpleRequest.getDefaultInstance());
    assertThat(serverDeadlineMillis.get()).isEqualTo(-1);
  }
}
