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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway for real: a real Redis from the devstack, a port where nothing listens, and a small
 * upstream HTTP service standing in for a platform service.
 */
class GatewayIT {

  private static HttpServer upstream;
  private static ConfigurableApplicationContext gateway;
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
    upstream.start();
    gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            .properties(
                "server.port=0",
                "kb.infrastructure.redis=redis://127.0.0.1:" + infra.ports().redis(),
                "kb.infrastructure.ghost=postgres://127.0.0.1:" + freePort(),
                "kb.services.catalog=http://127.0.0.1:" + upstream.getAddress().getPort())
            .run();
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
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
  void statusProbesEveryComponentAndReportsWhatIsDown() throws Exception {
    HttpResponse<String> response = get("/api/status", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    String body = response.body();
    assertThat(body).contains("\"status\":\"DEGRADED\"");
    assertThat(body)
        .containsPattern(
            "\"name\":\"redis\",\"kind\":\"redis\",[^}]*\"up\":true,\"detail\":\"PONG\"");
    assertThat(body).containsPattern("\"name\":\"ghost\",[^}]*\"up\":false");
    assertThat(body).containsPattern("\"name\":\"catalog\",[^}]*\"up\":true,\"detail\":\"ready\"");
    assertThat(body).containsPattern("\"name\":\"gateway\",[^}]*\"up\":true");
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
  void healthProbesAreExposed() throws Exception {
    assertThat(get("/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
  }
}
