package io.kinobezdna.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain-call path at the wire (ADR 0009): what HTTP/1.1 lets a client do on one connection —
 * pipeline, expect 100-continue, speak HTTP/1.0 — and what a service may answer (chunked, HEAD),
 * against a real gateway and a small upstream.
 */
class EdgeCallsIT {

  private static HttpServer upstream;
  private static TestGateway gateway;
  private static int port;
  private static final Set<Integer> upstreamConnections = ConcurrentHashMap.newKeySet();
  private static final String BIG_JSON = "[" + "{\"title\":\"Stalker\"},".repeat(300) + "{}]";

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/films",
        exchange -> {
          upstreamConnections.add(exchange.getRemoteAddress().getPort());
          respond(exchange, "films via " + exchange.getRequestURI());
        });
    upstream.createContext(
        "/echo-body",
        exchange ->
            respond(
                exchange,
                exchange.getRequestMethod()
                    + " "
                    + new String(
                        exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    upstream.createContext(
        "/chunks",
        exchange -> {
          // length 0: the JDK's server answers chunked
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write("first,".getBytes(StandardCharsets.UTF_8));
            body.flush();
            body.write("second".getBytes(StandardCharsets.UTF_8));
          }
        });
    upstream.createContext(
        "/big-json",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          respond(exchange, BIG_JSON);
        });
    upstream.start();
    gateway =
        TestGateway.start(
            "--kb.services.catalog=http://127.0.0.1:" + upstream.getAddress().getPort(),
            "--kb.gateway.public-routes=/api/catalog/",
            "--kb.gateway.rate-limit.address-per-second=1000",
            "--kb.gateway.rate-limit.address-burst=1000");
    port = gateway.port();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.stop(0);
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderWhicheverPartOfTheGatewayAnswersThem() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              (get("/api/catalog/films?n=1")
                      + get("/actuator/health/readiness")
                      + get("/api/catalog/films?n=2")
                      + get("/actuator/health/readiness")
                      + get("/api/catalog/films?n=3"))
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      assertThat(Answer.read(in).body()).isEqualTo("films via /films?n=1");
      assertThat(Answer.read(in).body()).contains("UP");
      assertThat(Answer.read(in).body()).isEqualTo("films via /films?n=2");
      assertThat(Answer.read(in).body()).contains("UP");
      assertThat(Answer.read(in).body()).isEqualTo("films via /films?n=3");
    }
  }

  @Test
  void callsOnOneClientConnectionReuseKeptAliveUpstreamConnections() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    upstreamConnections.clear();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/catalog/films"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
    assertThat(upstreamConnections).hasSize(1);
  }

  @Test
  void anHttp10ClientGetsItsAnswerAndThenTheConnectionCloses() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              "GET /api/catalog/films HTTP/1.0\r\nHost: localhost\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      Answer answer = Answer.read(in);
      assertThat(answer.body()).isEqualTo("films via /films");
      assertThat(answer.headers()).containsEntry("connection", "close");
      assertThat(in.read()).as("the gateway closed the connection").isEqualTo(-1);
    }
  }

  @Test
  void aClientExpectingContinueHearsItBeforeSendingItsBody() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/catalog/echo-body HTTP/1.1\r\nHost: localhost\r\n"
                  + "Expect: 100-continue\r\nContent-Length: 5\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      assertThat(Answer.line(in)).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(Answer.line(in)).isEmpty();
      out.write("hello".getBytes(StandardCharsets.US_ASCII));
      assertThat(Answer.read(in).body()).isEqualTo("POST hello");
    }
  }

  @Test
  void aChunkedAnswerComesThroughChunkedAndAHeadAnswerWithoutABody() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              (get("/api/catalog/chunks")
                      + "HEAD /api/catalog/films HTTP/1.1\r\nHost: localhost\r\n\r\n"
                      + get("/api/catalog/films?after=head"))
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      Answer chunked = Answer.read(in);
      assertThat(chunked.headers()).containsEntry("transfer-encoding", "chunked");
      assertThat(chunked.body()).isEqualTo("first,second");
      Answer head = Answer.read(in, false);
      assertThat(head.status()).isEqualTo(200);
      // no body, so nothing to frame: the next answer starts right after the head's headers
      assertThat(head.headers()).doesNotContainKey("transfer-encoding");
      assertThat(Answer.read(in).body()).isEqualTo("films via /films?after=head");
    }
  }

  @Test
  void aLargeJsonAnswerIsGzippedForAClientThatAcceptsGzipAndPlainForOthers() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI bigJson = URI.create("http://127.0.0.1:" + port + "/api/catalog/big-json");

    HttpResponse<byte[]> gzipped =
        http.send(
            HttpRequest.newBuilder(bigJson).header("Accept-Encoding", "gzip, deflate").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gzipped.body().length).isLessThan(BIG_JSON.length() / 4);
    try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BIG_JSON);
    }

    HttpResponse<String> plain =
        http.send(HttpRequest.newBuilder(bigJson).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body()).isEqualTo(BIG_JSON);

    HttpResponse<String> small =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/catalog/films"))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(small.headers().firstValue("Content-Encoding")).as("below 2 KB, and text").isEmpty();
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  /** One HTTP/1.1 answer read off a socket, its header names in lower case. */
  private record Answer(int status, Map<String, String> headers, String body) {

    static Answer read(InputStream in) throws IOException {
      return read(in, true);
    }

    static Answer read(InputStream in, boolean withBody) throws IOException {
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        headers.put(
            header.substring(0, colon).toLowerCase(Locale.ROOT),
            header.substring(colon + 1).strip());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (!withBody) {
        return new Answer(status, headers, "");
      }
      if ("chunked".equals(headers.get("transfer-encoding"))) {
        for (int size = Integer.parseInt(line(in), 16); size > 0; ) {
          body.write(in.readNBytes(size));
          line(in);
          size = Integer.parseInt(line(in), 16);
        }
        line(in);
      } else if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      } else {
        body.write(in.readAllBytes());
      }
      return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("the connection closed mid-line: " + line);
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }
}
