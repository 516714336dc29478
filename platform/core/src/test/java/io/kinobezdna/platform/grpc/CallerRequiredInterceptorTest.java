package io.kinobezdna.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.grpc.testing.protobuf.SimpleRequest;
import io.grpc.testing.protobuf.SimpleResponse;
import io.grpc.testing.protobuf.SimpleServiceGrpc;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.PublicEndpoint;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gRPC call reaches a handler only with a verified caller, or when its method is public. */
class CallerRequiredInterceptorTest {

  /** UnaryRpc needs a caller; ClientStreamingRpc is declared public. */
  static final class Service extends SimpleServiceGrpc.SimpleServiceImplBase {
    @Override
    public void unaryRpc(SimpleRequest request, StreamObserver<SimpleResponse> answer) {
      answer.onNext(SimpleResponse.newBuilder().setResponseMessage("private").build());
      answer.onCompleted();
    }

    @PublicEndpoint
    @Override
    public StreamObserver<SimpleRequest> clientStreamingRpc(StreamObserver<SimpleResponse> answer) {
      return new StreamObserver<>() {
        @Override
        public void onNext(SimpleRequest value) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          answer.onNext(SimpleResponse.newBuilder().setResponseMessage("public").build());
          answer.onCompleted();
        }
      };
    }
  }

  private ECKey key;
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
    JwtVerifier verifier =
        new JwtVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), "kinobezdna");
    Service service = new Service();
    CallerRequiredInterceptor required = new CallerRequiredInterceptor(verifier, List.of(service));
    assertThat(required.publicMethods())
        .containsExactly("grpc.testing.SimpleService/ClientStreamingRpc");
    String name = "caller-required-" + UUID.randomUUID();
    server =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(service, required))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private String token() throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build(),
            new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .audience("kinobezdna")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private SimpleServiceGrpc.SimpleServiceBlockingStub stub(String authorization) {
    Metadata headers = new Metadata();
    if (authorization != null) {
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
    }
    return SimpleServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  @Test
  void aCallWithoutAVerifiedCallerIsRefusedBeforeItsHandler() {
    for (String authorization : new String[] {null, "Bearer not-a-token"}) {
      assertThatThrownBy(() -> stub(authorization).unaryRpc(SimpleRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
  }

  @Test
  void aVerifiedCallerReachesTheHandler() throws Exception {
    assertThat(
            stub("Bearer " + token())
                .unaryRpc(SimpleRequest.getDefaultInstance())
                .getResponseMessage())
        .isEqualTo("private");
  }

  @Test
  void aDeclaredPublicMethodNeedsNoCaller() throws Exception {
    SimpleServiceGrpc.SimpleServiceStub async = SimpleServiceGrpc.newStub(channel);
    var answer = new java.util.concurrent.CompletableFuture<String>();
    StreamObserver<SimpleRequest> requests =
        async.clientStreamingRpc(
            new StreamObserver<>() {
              @Override
              public void onNext(SimpleResponse value) {
                answer.complete(value.getResponseMessage());
              }

              @Override
              public void onError(Throwable t) {
                answer.completeExceptionally(t);
              }

              @Override
              public void onCompleted() {}
            });
    requests.onCompleted();
    assertThat(answer.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("public");
  }
}
