package io.kinobezdna.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway for real: a real Redis from the devstack, a port where nothing listens, and a small
 * upstream HTTP service standing in for a platform service.
 */
class GatewayIT {

  private static HttpServer upstream;

  /** What the "ugc" upstream answers next: 200, or a status to fail with. */
  private static final AtomicInteger ugcStatus = new AtomicInteger(200);

  private static final AtomicInteger ugcHits = new AtomicInteger();

  /** How many of the next calls to /once-broken fail with 503 before it answers 200. */
  private static final AtomicInteger onceBrokenFailures = new AtomicInteger();

  private static TestGateway gateway;
  private static String base;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    TestInfrastructure infra = TestInfrastructure.ensure("redis");
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/actuator/health/readiness", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
    upstream.createContext(
        "/films", exchange -> respond(exchange, 200, "films via " + exchange.getRequestURI()));
    upstream.createContext(
        "/echo-headers",
        exchange ->
            respond(
                exchange,
                200,
                "caller="
                    + exchange.getRequestHeaders().getFirst("x-caller-id")
                    + " roles="
                    + exchange.getRequestHeaders().getFirst("x-caller-roles")
                    + " request="
                    + exchange.getRequestHeaders().getFirst("x-request-id")));
    upstream.createContext(
        "/echo-body",
        exchange ->
            respond(
                exchange,
                200,
                exchange.getRequestMethod()
                    + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " forwarded-for="
                    + exchange.getRequestHeaders().getFirst("x-forwarded-for")
                    + " prefix="
                    + exchange.getRequestHeaders().getFirst("x-gateway-prefix")));
    upstream.createContext(
        "/once-broken",
        exchange -> {
          ugcHits.incrementAndGet();
          boolean fail = onceBrokenFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
          respond(exchange, fail ? 503 : 200, fail ? "busy" : "ok");
        });
    upstream.createContext(
        "/likes",
        exchange -> {
          ugcHits.incrementAndGet();
          respond(exchange, ugcStatus.get(), "likes");
        });
    upstream.start();
    gateway =
        TestGateway.start(
            "--kb.infrastructure.redis=redis://127.0.0.1:" + infra.ports().redis(),
            "--kb.infrastructure.ghost=postgres://127.0.0.1:" + freePort(),
            "--kb.services.catalog=http://127.0.0.1:" + upstream.getAddress().getPort(),
            "--kb.services.ugc=http://127.0.0.1:" + upstream.getAddress().getPort(),
            "--kb.services.rooms=http://127.0.0.1:" + freePort(),
            "--kb.gateway.breaker.open-for=1s",
            // these tests exercise routing, not authentication: their routes are public
            "--kb.gateway.public-routes=/api/status,/api/catalog/,/api/ugc/,/api/rooms/",
            "--kb.gateway.rate-limit.address-per-second=1000",
            "--kb.gateway.rate-limit.address-burst=1000");
    int port = gateway.port();
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void statusTellsAnAnonymousCallerOnlyWhatIsUpAndWhatIsDown() throws Exception {
    HttpResponse<String> response = get("/api/status", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    String body = response.body();
    assertThat(body).contains("\"status\":\"DEGRADED\"");
    assertThat(body).contains("{\"name\":\"redis\",\"kind\":\"redis\",\"up\":true}");
    assertThat(body).contains("{\"name\":\"ghost\",\"kind\":\"postgres\",\"up\":false}");
    assertThat(body).contains("{\"name\":\"catalog\",\"kind\":\"service\",\"up\":true}");
    assertThat(body).containsPattern("\"name\":\"gateway\",[^}]*\"up\":true");
    assertThat(body).containsPattern("\"name\":\"rooms\",[^}]*\"up\":false");
    // no hosts, ports, answers or error texts for strangers (ADMIN: EdgeSecurityIT)
    assertThat(body).doesNotContain("127.0.0.1").doesNotContain("detail").doesNotContain("PONG");
  }

  @Test
  void everyAnswerCarriesSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/api/status", "/api/catalog/films")) {
      HttpResponse<String> response = get(path, "text/html");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'self'")
                      .contains("frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy"))
          .contains("strict-origin-when-cross-origin");
    }
  }

  @Test
  void identityHeadersSentByAClientNeverReachAService() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/catalog/echo-headers"))
                .header("X-Caller-Id", "admin")
                .header("X-Caller-Roles", "ADMIN")
                .header("X-Request-Id", "req-77")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("caller=null roles=null request=req-77");
  }

  @Test
  void aDeadServiceGetsAProblemNamingItAtOnce() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = get("/api/rooms/anything", "application/json");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
    assertThat(response.body())
        .contains("\"service\":\"rooms\"")
        .contains("The rooms service is unavailable right now.")
        .contains("\"reason\":\"SERVICE_UNAVAILABLE\"");
  }

  @Test
  void safeRequestsAreRetriedButUnsafeOnesAreNot() throws Exception {
    onceBrokenFailures.set(1);
    int before = ugcHits.get();
    assertThat(get("/api/ugc/once-broken", "text/plain").statusCode()).isEqualTo(200);
    assertThat(ugcHits.get() - before).isEqualTo(2);

    onceBrokenFailures.set(1);
    before = ugcHits.get();
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/ugc/once-broken"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(503);
    assertThat(ugcHits.get() - before).isEqualTo(1);
    onceBrokenFailures.set(0);
  }

  @Test
  void theBreakerOpensOnAFailingUpstreamAndClosesWhenItRecovers() throws Exception {
    ugcStatus.set(500);
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(get("/api/ugc/likes", "application/json").statusCode());
    }
    // the upstream's own 500s pass as they are; once they open the breaker (with what the other
    // tests left in its window, after at most five), the gateway answers 503 itself
    assertThat(statuses).startsWith(500).endsWith(503, 503, 503, 503, 503);
    assertThat(statuses).isSorted();
    int hitsWhenOpen = ugcHits.get();
    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/ugc/likes", "application/json").statusCode()).isEqualTo(503);
    }
    assertThat(ugcHits.get())
        .as("an open breaker keeps calls away from the upstream")
        .isEqualTo(hitsWhenOpen);

    ugcStatus.set(200);
    Thread.sleep(1200); // open-for is 1 s in this test
    HttpResponse<String> recovered = null;
    for (int i = 0; i < 5; i++) {
      recovered = get("/api/ugc/likes", "application/json");
    }
    assertThat(recovered.statusCode()).isEqualTo(200);
    assertThat(recovered.body()).isEqualTo("likes");
  }

  @Test
  void aBodyTravelsWithTheCallerAddressSetByTheGatewayAndTheServicePrefixNamed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/catalog/echo-body"))
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Stalker\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            // what the client wrote is not believed: it is no trusted proxy
            "POST {\"title\":\"Stalker\"} forwarded-for=127.0.0.1 prefix=/api/catalog");
  }

  @Test
  void aPathClimbingOutOfItsServiceIsRefused() throws Exception {
    for (String path : List.of("/api/catalog/%2e%2e/secret", "/api/catalog/./films")) {
      HttpResponse<String> response = get(path, "application/json");

      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.body()).contains("\"reason\":\"INVALID_PATH\"");
    }
  }

  @Test
  void theAppsDevOriginsMayCallTheApiFromABrowserAndOthersMayNot() throws Exception {
    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/catalog/films"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:5173");

    HttpResponse<String> allowed = filmsFrom("http://localhost:5173");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:5173");
    assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValueSatisfying(v -> assertThat(v).contains("Retry-After"));

    HttpResponse<String> foreign = filmsFrom("https://elsewhere.example");
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /** A browser's GET of /api/catalog/films from a page served by {@code origin}. */
  private static HttpResponse<String> filmsFrom(String origin) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/catalog/films"))
            .header("Origin", origin)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void apiRoutesStripTheServicePrefix() throws Exception {
    HttpResponse<String> response = get("/api/catalog/films?genre=noir", "text/plain");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("films via /films?genre=noir");
  }

  @Test
  void clientSideRoutesOfTheSiteGetTheSiteIndex() throws Exception {
    HttpResponse<String> response = get("/films/42", "text/html");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("<div id=\"root\">")
        .doesNotContain("manifest.webmanifest");
  }

  @Test
  void clientSideRoutesOfTheMobileAppGetTheAppIndex() throws Exception {
    HttpResponse<String> response = get("/m/profile", "text/html");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("manifest.webmanifest");
  }

  @Test
  void staticFilesAreServedAndMissingOnesAre404() throws Exception {
    assertThat(get("/m/manifest.webmanifest", "*/*").body()).contains("\"start_url\": \"/m/\"");
    assertThat(get("/assets/no-such-file.js", "*/*").statusCode()).isEqualTo(404);
  }

  @Test
  void healthProbesAndMetricsAnswerOnTheManagementPortOnly() throws Exception {
    String management = "http://127.0.0.1:" + gateway.managementPort();
    for (String path : List.of("/actuator/health/readiness", "/actuator/prometheus")) {
      HttpResponse<String> internal =
          http.send(
              HttpRequest.newBuilder(URI.create(management + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(internal.statusCode()).as(path).isEqualTo(200);
      assertThat(get(path, "application/json").statusCode()).as("edge " + path).isEqualTo(404);
    }
  }
}
