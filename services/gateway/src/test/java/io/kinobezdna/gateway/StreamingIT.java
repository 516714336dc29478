package io.kinobezdna.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.kinobezdna.platform.grpcweb.GrpcWebProperties;
import io.kinobezdna.platform.grpcweb.GrpcWebServer;
import io.kinobezdna.platform.testkit.TestTokens;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;

/**
 * Streams through the gateway, against real upstreams: a WebSocket echo and an SSE feed on a
 * Reactor Netty server, and the standard gRPC health service (Check is unary, Watch streams) served
 * as gRPC-Web by platform-grpc-web's Armeria server, as a service would serve it. The gateway's
 * upstream timeout is 1 s here, so a stream that outlives it shows that streams are not cut, while
 * a plain slow call still is.
 */
class StreamingIT {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final AtomicReference<Metadata> lastGrpcHeaders = new AtomicReference<>();
  private static TestTokens tokens;
  private static DisposableServer streams;
  private static GrpcWebServer grpc;
  private static HealthStatusManager health;
  private static TestGateway gateway;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    tokens = new TestTokens();
    streams =
        reactor.netty.http.server.HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes
                        .get(
                            "/ws",
                            (request, response) -> {
                              String caller = request.requestHeaders().get("x-caller-id");
                              return response.sendWebsocket(
                                  (in, out) ->
                                      out.sendString(
                                          in.receive()
                                              .asString()
                                              .map(m -> "echo " + m + " caller=" + caller)));
                            })
                        .get(
                            "/events",
                            (request, response) -> {
                              String caller = request.requestHeaders().get("x-caller-id");
                              String query = request.uri();
                              return response
                                  .header("content-type", "text/event-stream")
                                  .send(
                                      Flux.interval(Duration.ZERO, Duration.ofMillis(1500))
                                          .take(3)
                                          .map(
                                              i ->
                                                  Unpooled.copiedBuffer(
                                                      "data: event "
                                                          + i
                                                          + " caller="
                                                          + caller
                                                          + " uri="
                                                          + query
                                                          + "\n\n",
                                                      StandardCharsets.UTF_8)),
                                      buffer -> true);
                            })
                        .get(
                            "/busy",
                            (request, response) ->
                                Mono.delay(Duration.ofMillis(400))
                                    .then(response.sendString(Mono.just("done")).then()))
                        .get(
                            "/media/{id}/content",
                            (request, response) ->
                                response
                                    .header("content-type", "video/mp4")
                                    .header(
                                        "x-seen-authorization",
                                        String.valueOf(
                                            request.requestHeaders().get("authorization")))
                                    .sendString(
                                        Flux.interval(Duration.ZERO, Duration.ofMillis(800))
                                            .take(3)
                                            .map(i -> "chunk" + i)))
                        .get(
                            "/slow",
                            (request, response) ->
                                Mono.delay(Duration.ofMillis(2500))
                                    .then(response.sendString(Mono.just("late")).then()))
                        .get(
                            "/actuator/health/readiness",
                            (request, response) -> response.sendString(Mono.just("{}"))))
            .bindNow();
    health = new HealthStatusManager();
    ServerInterceptor remember =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            lastGrpcHeaders.set(headers);
            return next.startCall(call, headers);
          }
        };
    grpc =
        new GrpcWebServer(
            List.of(ServerInterceptors.intercept(health.getHealthService(), remember)),
            new GrpcWebProperties(0, "127.0.0.1", DataSize.ofMegabytes(1)));
    grpc.start();
    gateway =
        TestGateway.start(
            "--kb.auth.jwks-url=" + tokens.jwksUrl(),
            "--kb.services.chat=http://127.0.0.1:" + streams.port(),
            "--kb.grpc-web-services.chat=http://127.0.0.1:" + grpc.port(),
            "--kb.gateway.upstream-timeout=1s",
            // shorter than the WebSocket's idle pause: frames after an upgrade are no request head
            "--kb.gateway.client-head-timeout=1s",
            "--kb.gateway.transfer-routes[0]=GET /api/chat/media/*/content",
            // sixty users' first requests come from this one address; the address limit on
            // first-seen tokens is EdgeAdmission's, not what these tests are about
            "--kb.gateway.rate-limit.address-per-second=1000",
            "--kb.gateway.rate-limit.address-burst=1000");
    base = "127.0.0.1:" + gateway.port();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    streams.disposeNow();
    grpc.stop();
    tokens.close();
  }

  private static String token() {
    return tokens.tokenFor("user-1", "Viewer");
  }

  @Test
  void mediaTransfersOutliveTheUpstreamTimeoutAndMayCarryTheirTokenInTheQuery() throws Exception {
    // the way a <video> asks: no headers of its own, so the token rides in the query
    String token = token();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://" + base + "/api/chat/media/42/content?access_token=" + token))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("chunk0chunk1chunk2"); // 1.6 s: past the 1 s timeout
    assertThat(response.headers().firstValue("x-seen-authorization")).hasValue("Bearer " + token);
    // a query token is not taken on other routes
    HttpResponse<String> elsewhere =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + base + "/api/chat/busy?access_token=" + token))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(elsewhere.statusCode()).isEqualTo(401);
  }

  @Test
  void aPlainCallSlowerThanTheUpstreamTimeoutIsCut() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + base + "/api/chat/slow"))
                .header("Authorization", "Bearer " + token())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // No Accept header, as many API clients send: the fallback must still be the 503 problem.
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void manySlowButHealthyCallsAtOnceAllGoThroughWithoutTrippingTheBreaker() throws Exception {
    // More in flight than Resilience4j's default bulkhead (25) would let through.
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      calls.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create("http://" + base + "/api/chat/busy"))
                  .header("Authorization", "Bearer " + tokens.tokenFor("busy-" + i, "Busy"))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      HttpResponse<String> response = call.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("done");
    }
  }

  @Test
  void aWebSocketIsProxiedWithTheVerifiedCallerAndOutlivesTheUpstreamTimeout() throws Exception {
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            // a claimed identity, which the verified caller replaces
            .header("X-Caller-Id", "admin")
            .buildAsync(
                URI.create("ws://" + base + "/api/chat/ws?access_token=" + token()),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    received.add(data.toString());
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(5, TimeUnit.SECONDS);

    socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("echo hello caller=user-1");
    Thread.sleep(2000); // twice the upstream timeout, idle
    socket.sendText("still here?", true).get(5, TimeUnit.SECONDS);
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("echo still here? caller=user-1");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
  }

  @Test
  void aWebSocketWithoutAValidTokenIsRefusedAtTheHandshake() {
    assertThatThrownBy(
            () ->
                http.newWebSocketBuilder()
                    .buildAsync(
                        URI.create("ws://" + base + "/api/chat/ws?access_token=forged"),
                        new WebSocket.Listener() {})
                    .get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                    .isEqualTo(401));
  }

  @Test
  void serverSentEventsArriveAsTheyHappenWithGapsLongerThanTheUpstreamTimeout() throws Exception {
    HttpResponse<Stream<String>> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://" + base + "/api/chat/events?room=7&access_token=" + token()))
                .header("Accept", "text/event-stream")
                .header("X-Caller-Id", "admin")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);

    List<String> events = new ArrayList<>();
    List<Long> arrivals = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.startsWith("data: ")) {
          events.add(line.substring(6));
          arrivals.add(System.nanoTime());
        }
      }
    }

    assertThat(events)
        .containsExactly(
            "event 0 caller=user-1 uri=/events?room=7",
            "event 1 caller=user-1 uri=/events?room=7",
            "event 2 caller=user-1 uri=/events?room=7");
    // Each event came when it was sent (1.5 s apart), not all at once at the end.
    assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0)))
        .isGreaterThan(Duration.ofMillis(1000));
  }

  @Test
  void grpcWebUnaryCallsReachTheServiceWithTheCallersIdentity() throws Exception {
    health.setStatus("", ServingStatus.SERVING);

    GrpcWebAnswer answer = grpcWeb("Check", "", "application/grpc-web+proto", token());

    assertThat(answer.messages()).hasSize(1);
    assertThat(HealthCheckResponse.parseFrom(answer.messages().getFirst()).getStatus())
        .isEqualTo(ServingStatus.SERVING);
    assertThat(answer.trailers()).containsEntry("grpc-status", "0");
    Metadata seen = lastGrpcHeaders.get();
    assertThat(seen.get(Metadata.Key.of("x-caller-id", Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("user-1");
    assertThat(seen.getAll(Metadata.Key.of("x-caller-roles", Metadata.ASCII_STRING_MARSHALLER)))
        .containsExactly("USER");
    assertThat(seen.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)))
        .startsWith("Bearer ");
  }

  @Test
  void grpcWebTextAndErrorStatusesComeBackAsGrpcStatuses() throws Exception {
    GrpcWebAnswer unknownService =
        grpcWeb("Check", "no-such-service", "application/grpc-web-text", token());
    assertThat(unknownService.messages()).isEmpty();
    assertThat(unknownService.trailers()).containsEntry("grpc-status", "5"); // NOT_FOUND

    // a service without gRPC-Web: 404, which gRPC-Web clients read as UNIMPLEMENTED
    HttpResponse<byte[]> noSuchUpstream =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://" + base + "/api/nowhere/grpc-web/grpc.health.v1.Health/Check"))
                .header("Content-Type", "application/grpc-web+proto")
                .header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(frame(new byte[0])))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(noSuchUpstream.statusCode()).isEqualTo(404);

    HttpResponse<byte[]> anonymous =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + base + "/api/chat/grpc-web/grpc.health.v1.Health/Check"))
                .header("Content-Type", "application/grpc-web+proto")
                .POST(HttpRequest.BodyPublishers.ofByteArray(frame(new byte[0])))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void grpcWebServerStreamingDeliversEachMessageAsItHappens() throws Exception {
    health.setStatus("player", ServingStatus.SERVING);
    HttpResponse<InputStream> response =
        http.send(
            grpcWebRequest("Watch", "player", "application/grpc-web+proto", token()),
            HttpResponse.BodyHandlers.ofInputStream());
    try (DataInputStream in = new DataInputStream(response.body())) {
      assertThat(readStatus(in)).isEqualTo(ServingStatus.SERVING);

      CompletableFuture<ServingStatus> next =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return readStatus(in);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Thread.sleep(1500); // longer than the upstream timeout: the stream stays open
      assertThat(next).isNotDone();
      health.setStatus("player", ServingStatus.NOT_SERVING);
      assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(ServingStatus.NOT_SERVING);
    }
  }

  private static ServingStatus readStatus(DataInputStream in) throws Exception {
    int flag = in.readUnsignedByte();
    byte[] payload = new byte[in.readInt()];
    in.readFully(payload);
    assertThat(flag).isZero();
    return HealthCheckResponse.parseFrom(payload).getStatus();
  }

  private record GrpcWebAnswer(List<byte[]> messages, Map<String, String> trailers) {}

  private static HttpRequest grpcWebRequest(
      String method, String service, String contentType, String token) {
    byte[] body = frame(HealthCheckRequest.newBuilder().setService(service).build().toByteArray());
    boolean text = contentType.startsWith("application/grpc-web-text");
    return HttpRequest.newBuilder(
            URI.create("http://" + base + "/api/chat/grpc-web/grpc.health.v1.Health/" + method))
        .header("Content-Type", contentType)
        .header("X-Grpc-Web", "1")
        .header("Authorization", "Bearer " + token)
        // a claimed identity, which the verified caller replaces
        .header("X-Caller-Id", "admin")
        .header("X-Caller-Roles", "ADMIN")
        .POST(
            HttpRequest.BodyPublishers.ofByteArray(text ? Base64.getEncoder().encode(body) : body))
        .build();
  }

  private static GrpcWebAnswer grpcWeb(
      String method, String service, String contentType, String token) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            grpcWebRequest(method, service, contentType, token),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    byte[] body = response.body();
    if (contentType.startsWith("application/grpc-web-text")) {
      assertThat(response.headers().firstValue("content-type"))
          .contains("application/grpc-web-text+proto");
      body = decodeBase64Chunks(new String(body, StandardCharsets.US_ASCII));
    }
    List<byte[]> messages = new ArrayList<>();
    Map<String, String> trailers = new LinkedHashMap<>();
    // a call that fails before any message may answer "trailers-only": the status in the headers
    response.headers().firstValue("grpc-status").ifPresent(s -> trailers.put("grpc-status", s));
    ByteBuffer frames = ByteBuffer.wrap(body);
    while (frames.hasRemaining()) {
      int flag = frames.get() & 0xff;
      byte[] payload = new byte[frames.getInt()];
      frames.get(payload);
      if (flag == 0x80) {
        for (String line : new String(payload, StandardCharsets.US_ASCII).split("\r\n")) {
          int colon = line.indexOf(':');
          trailers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
      } else {
        messages.add(payload);
      }
    }
    return new GrpcWebAnswer(messages, trailers);
  }

  /** grpc-web-text answers are base64 chunks, each padded on its own. */
  private static byte[] decodeBase64Chunks(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int start = 0;
    for (int i = 0; i < text.length(); i += 4) {
      if (text.charAt(i + 3) == '=' || i + 4 == text.length()) {
        out.writeBytes(Base64.getDecoder().decode(text.substring(start, i + 4)));
        start = i + 4;
      }
    }
    return out.toByteArray();
  }

  private static byte[] frame(byte[] message) {
    return ByteBuffer.allocate(5 + message.length)
        .put((byte) 0)
        .putInt(message.length)
        .put(message)
        .array();
  }
}
