package io.kinobezdna.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge against a hostile client, at the socket: each case writes raw bytes to the gateway and
 * asserts the exact answer, and what a real upstream — which records every request it received in
 * full — saw of it. A marker request sent afterwards proves the upstream has seen everything that
 * was going to reach it, so "nothing arrived" is checked without waiting on a clock.
 */
class HostileHttpIT {

  /** One request as the upstream received it, body read to its end. */
  record Received(String method, String uri, Headers headers, String body) {}

  private static final int BIG_ANSWER_BYTES = 8 * 1024 * 1024;
  private static final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private static final AtomicInteger dyingConnections = new AtomicInteger();
  private static HttpServer upstream;
  private static ServerSocket dying;
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders(),
                  body));
          byte[] answer = ("seen " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    // a multi-megabyte answer, for a client that reads it slowly
    upstream.createContext(
        "/big",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, BIG_ANSWER_BYTES);
          byte[] kilobyte = new byte[1024];
          for (int i = 0; i < BIG_ANSWER_BYTES / kilobyte.length; i++) {
            exchange.getResponseBody().write(kilobyte);
          }
          exchange.close();
        });
    upstream.start();
    // an upstream that promises a megabyte, sends a kilobyte and hangs up
    dying = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!dying.isClosed()) {
                try (Socket connection = dying.accept()) {
                  dyingConnections.incrementAndGet();
                  readHead(connection.getInputStream());
                  OutputStream out = connection.getOutputStream();
                  out.write(
                      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(new byte[1000]);
                  out.flush();
                } catch (IOException closed) {
                  // the test is over, or the gateway went away first
                }
              }
            });
    String echo = "http://127.0.0.1:" + upstream.getAddress().getPort();
    gateway =
        TestGateway.start(
            "--kb.services.echo=" + echo,
            "--kb.services.dying=http://127.0.0.1:" + dying.getLocalPort(),
            "--kb.services.vault=" + echo,
            "--kb.gateway.public-routes=/api/echo/,/api/dying/",
            "--kb.gateway.max-body-size=64KB",
            "--kb.gateway.client-read-timeout=1s",
            "--kb.gateway.client-head-timeout=1s",
            "--kb.gateway.client-body-timeout=2s",
            // shorter than the slow reader's pauses: an answer read slowly must still arrive whole
            "--kb.gateway.upstream-timeout=1s",
            "--kb.gateway.rate-limit.address-per-second=1000",
            "--kb.gateway.rate-limit.address-burst=1000");
  }

  @AfterAll
  static void stop() throws IOException {
    gateway.close();
    upstream.stop(0);
    dying.close();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    received.clear();
  }

  // ---- framing ----

  @Test
  void differingContentLengthsAreRefused() throws Exception {
    String answer =
        send(
            "POST /api/echo/x HTTP/1.1\r\nHost: edge\r\nContent-Length: 5\r\nContent-Length: 6\r\n"
                + "Connection: close\r\n\r\nhello!");

    assertThat(status(answer)).isEqualTo(400);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void aSpaceBeforeTheColonIsRefused() throws Exception {
    String answer = send("GET /api/echo/x HTTP/1.1\r\nHost : edge\r\nConnection: close\r\n\r\n");

    assertThat(status(answer)).isEqualTo(400);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void anInvalidChunkSizeIsRefusedAndNothingOfTheBodyIsPassedOn() throws Exception {
    String answer =
        send(
            "POST /api/echo/login HTTP/1.1\r\nHost: edge\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n");

    assertThat(status(answer)).isEqualTo(400);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void aBadChunkDelimiterIsRefusedAndNothingOfTheBodyIsPassedOn() throws Exception {
    String answer =
        send(
            "POST /api/echo/login HTTP/1.1\r\nHost: edge\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhelloXX5\r\nworld\r\n0\r\n\r\n");

    assertThat(status(answer)).isEqualTo(400);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void oversizedTrailersAreRefused() throws Exception {
    String answer =
        send(
            "POST /api/echo/x HTTP/1.1\r\nHost: edge\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\nX-Big: "
                + "a".repeat(40_000)
                + "\r\n\r\n");

    assertThat(status(answer)).isBetween(400, 431);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void trailersNeverReachTheServiceNotEvenAsIdentity() throws Exception {
    String answer =
        send(
            "POST /api/echo/x HTTP/1.1\r\nHost: edge\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n5\r\nhello\r\n0\r\nX-Caller-Id: admin\r\n"
                + "X-Caller-Roles: ADMIN\r\n\r\n");

    assertThat(status(answer)).isEqualTo(200);
    Received seen = received.poll(5, TimeUnit.SECONDS);
    assertThat(seen).isNotNull();
    assertThat(seen.body()).isEqualTo("hello");
    assertThat(seen.headers().getFirst("X-Caller-Id")).isNull();
    assertThat(seen.headers().getFirst("X-Caller-Roles")).isNull();
  }

  @Test
  void contentLengthNextToChunkedIsRefused() throws Exception {
    for (String version : List.of("HTTP/1.1", "HTTP/1.0")) {
      String answer =
          send(
              "POST /api/echo/x "
                  + version
                  + "\r\nHost: edge\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n"
                  + "Connection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

      assertThat(status(answer)).as(version).isEqualTo(400);
    }
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedBeforeItReachesTheService() throws Exception {
    String chunk = Integer.toHexString(16 * 1024) + "\r\n" + "a".repeat(16 * 1024) + "\r\n";
    String answer =
        send(
            "POST /api/echo/x HTTP/1.1\r\nHost: edge\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + chunk.repeat(5)
                + "0\r\n\r\n");

    assertThat(status(answer)).isEqualTo(413);
    assertThat(answer).contains("\"reason\":\"BODY_TOO_LARGE\"");
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void obsFoldedHeadersReachTheServiceUnfolded() throws Exception {
    String answer =
        send(
            "GET /api/echo/x HTTP/1.1\r\nHost: edge\r\nX-Folded: one\r\n two\r\n"
                + "Connection: close\r\n\r\n");

    // RFC 9112 5.2: refuse, or replace the fold with spaces before passing the field on
    assertThat(status(answer)).isEqualTo(200);
    Received seen = received.poll(5, TimeUnit.SECONDS);
    assertThat(seen).isNotNull();
    assertThat(seen.headers().get("X-Folded")).containsExactly("one two");
  }

  @Test
  void bareLineFeedsAreRefused() throws Exception {
    String answer = send("GET /api/echo/x HTTP/1.1\nHost: edge\nConnection: close\n\n");

    assertThat(status(answer)).isEqualTo(400);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  // ---- Host, request target, methods ----

  @Test
  void aRequestWithoutExactlyOneHostIsRefused() throws Exception {
    String none = send("GET /api/echo/x HTTP/1.1\r\nConnection: close\r\n\r\n");
    String two =
        send("GET /api/echo/x HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n");

    assertThat(status(none)).isEqualTo(400);
    assertThat(status(two)).isEqualTo(400);
    assertThat(none).contains("\"reason\":\"INVALID_HOST\"");
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void anAbsoluteFormTargetIsRefused() throws Exception {
    String answer =
        send(
            "GET http://evil.example/api/echo/x HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");

    assertThat(status(answer)).isEqualTo(400);
    assertThat(answer).contains("\"reason\":\"INVALID_REQUEST_TARGET\"");
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void traceAndConnectNeverReachAService() throws Exception {
    String trace = send("TRACE /api/echo/x HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
    String connect =
        send("CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\nConnection: close\r\n\r\n");

    assertThat(status(trace)).isEqualTo(405);
    assertThat(status(connect)).isBetween(400, 405);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  // ---- paths ----

  @Test
  void pathsThatCouldBeReadTwoWaysAreRefusedBeforeRouting() throws Exception {
    for (String path :
        List.of(
            "/api/echo/..;/x",
            "/api/echo/%2e%2e/x",
            "/api/echo/a%2fb",
            "/api/echo/a;jsessionid=1",
            "/api/echo//x")) {
      String answer = send("GET " + path + " HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");

      assertThat(status(answer)).as(path).isEqualTo(400);
      assertThat(answer).as(path).contains("\"reason\":\"INVALID_PATH\"");
    }
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void noServiceActuatorIsReachable() throws Exception {
    for (String path : List.of("/api/echo/actuator", "/api/echo/actuator/prometheus")) {
      String answer = send("GET " + path + " HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");

      assertThat(status(answer)).as(path).isEqualTo(404);
    }
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  // ---- headers ----

  @Test
  void headersNamedInConnectionAndClaimedIdentityNeverReachTheService() throws Exception {
    String answer =
        send(
            "GET /api/echo/headers HTTP/1.1\r\nHost: edge\r\nConnection: close, X-Secret\r\n"
                + "X-Secret: s3cret\r\nKeep-Alive: timeout=5\r\nX-Caller-Id: admin\r\n"
                + "X-Caller-Roles: ADMIN\r\nX-Client-Address: 10.0.0.1\r\n"
                + "X-Forwarded-For: 203.0.113.9\r\nForwarded: for=203.0.113.9\r\n\r\n");

    assertThat(status(answer)).isEqualTo(200);
    Received seen = received.poll(5, TimeUnit.SECONDS);
    assertThat(seen).isNotNull();
    Headers headers = seen.headers();
    assertThat(headers.getFirst("X-Secret")).isNull();
    assertThat(headers.getFirst("Keep-Alive")).isNull();
    assertThat(headers.getFirst("X-Caller-Id")).isNull();
    assertThat(headers.getFirst("X-Caller-Roles")).isNull();
    // the gateway's own view of the client, from its socket (the test client is no trusted proxy)
    assertThat(headers.getFirst("X-Client-Address")).isEqualTo("127.0.0.1");
    assertThat(headers.getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(headers.getFirst("Forwarded")).startsWith("for=\"127.0.0.1\";proto=http");
  }

  // ---- admission ----

  @Test
  void pipelinedRequestsAreEachAdmittedOnTheirOwn() throws Exception {
    try (Socket socket = connect()) {
      // three requests in one write; the middle one, to a protected route, carries no token.
      // (None asks to close: Reactor Netty 1.3 would then close after the first answer.)
      socket
          .getOutputStream()
          .write(
              ("GET /api/echo/first HTTP/1.1\r\nHost: edge\r\n\r\n"
                      + "GET /api/vault/second HTTP/1.1\r\nHost: edge\r\n\r\n"
                      + "GET /api/echo/third HTTP/1.1\r\nHost: edge\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answers = readUntil(socket.getInputStream(), "seen /third");

      List<String> statuses =
          Arrays.stream(answers.split("HTTP/1.1 ")).skip(1).map(a -> a.substring(0, 3)).toList();
      assertThat(statuses).containsExactly("200", "401", "200");
      assertThat(answers.indexOf("seen /first")).isLessThan(answers.indexOf("seen /third"));
    }
    Received first = received.poll(5, TimeUnit.SECONDS);
    Received third = received.poll(5, TimeUnit.SECONDS);
    assertThat(first.uri()).isEqualTo("/first");
    assertThat(third.uri()).isEqualTo("/third");
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void aRefusedCallIsNotInvitedToSendItsBody() throws Exception {
    try (Socket socket = connect()) {
      socket
          .getOutputStream()
          .write(
              ("POST /api/vault/x HTTP/1.1\r\nHost: edge\r\nContent-Length: 5\r\n"
                      + "Expect: 100-continue\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = readAll(socket.getInputStream());

      assertThat(status(answer)).isEqualTo(401);
      assertThat(answer).doesNotContain("100 Continue");
    }
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  // ---- slow clients, broken upstreams ----

  @Test
  void dripFedHeadersEndWith408() throws Exception {
    // a header byte every 300 ms: never idle, never done
    String answer = dripFeed("GET /api/echo/x HTTP/1.1\r\nHost: edge\r\n", 'X', 300, 40);

    assertThat(status(answer)).isEqualTo(408);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void aSilentBodyEndsWith408() throws Exception {
    try (Socket socket = connect()) {
      socket
          .getOutputStream()
          .write(
              "POST /api/echo/x HTTP/1.1\r\nHost: edge\r\nContent-Length: 10\r\n\r\nhello"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = readAll(socket.getInputStream());

      assertThat(status(answer)).isEqualTo(408);
    }
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void aDripFedBodyEndsWith408() throws Exception {
    // a byte every half second: never silent for the read timeout, too slow for the deadline
    String answer =
        dripFeed(
            "POST /api/echo/x HTTP/1.1\r\nHost: edge\r\nContent-Length: 100\r\n\r\n",
            'a',
            500,
            100);

    assertThat(status(answer)).isEqualTo(408);
    assertThat(upstreamSawOnlyTheMarker()).isTrue();
  }

  @Test
  void aSlowReaderGetsTheWholeAnswer() throws Exception {
    try (Socket socket = connect()) {
      socket.setReceiveBufferSize(16 * 1024);
      socket
          .getOutputStream()
          .write(
              "GET /api/echo/big HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      // reads nothing for longer than the upstream timeout, then everything
      Thread.sleep(2_500);
      String answer = readAll(in);

      assertThat(status(answer)).isEqualTo(200);
      assertThat(answer.length() - answer.indexOf("\r\n\r\n") - 4).isEqualTo(BIG_ANSWER_BYTES);
    }
  }

  @Test
  void anUpstreamThatDiesMidAnswerGivesAnAbortedAnswerAndAFreshConnectionNextTime()
      throws Exception {
    int before = dyingConnections.get();
    for (int i = 0; i < 2; i++) {
      String answer = send("GET /api/dying/x HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");

      assertThat(status(answer)).isEqualTo(200);
      int body = answer.length() - answer.indexOf("\r\n\r\n") - 4;
      assertThat(body).as("an answer cut short, never passed as complete").isLessThan(1_000_000);
    }
    assertThat(dyingConnections.get() - before).isEqualTo(2);
  }

  // ---- helpers ----

  /** Sends a marker request and waits for it: whatever arrived before it is in the queue. */
  private static boolean upstreamSawOnlyTheMarker() throws Exception {
    String marker = "/marker-" + System.nanoTime();
    send("GET /api/echo" + marker + " HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
    Received first = received.poll(5, TimeUnit.SECONDS);
    return first != null && first.uri().equals(marker) && received.isEmpty();
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", gateway.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Writes {@code request} as it is and reads until the gateway closes the connection. */
  private static String send(String request) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return readAll(socket.getInputStream());
    }
  }

  /**
   * Writes {@code start}, then one {@code drip} byte every {@code everyMillis} (at most {@code
   * times}) until the gateway answers or closes; returns the answer.
   */
  private static String dripFeed(String start, char drip, int everyMillis, int times)
      throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(start.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      socket.setSoTimeout(everyMillis);
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      for (int i = 0; i < times && answer.size() == 0; i++) {
        try {
          out.write(drip);
          out.flush();
          answer.write(in.readNBytes(in.available() > 0 ? in.available() : 1));
        } catch (SocketTimeoutException stillWaiting) {
          // the gateway has not answered yet
        } catch (java.net.SocketException closed) {
          break;
        }
      }
      socket.setSoTimeout(10_000);
      return answer.toString(StandardCharsets.ISO_8859_1) + readAll(in);
    }
  }

  /** Reads until {@code end} has arrived (or the gateway closes the connection). */
  private static String readUntil(InputStream in, String end) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!bytes.toString(StandardCharsets.ISO_8859_1).contains(end)) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      bytes.write(buffer, 0, n);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException cut) {
      // a reset is how an aborted answer may end: what came before it is the answer
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  private static int status(String answer) {
    assertThat(answer).as("an answer").startsWith("HTTP/1.1 ");
    return Integer.parseInt(answer.substring(9, 12));
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        return;
      }
    }
  }
}
