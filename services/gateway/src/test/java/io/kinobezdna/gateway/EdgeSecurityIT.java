package io.kinobezdna.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kinobezdna.platform.testkit.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge: JWT checks against a real JWKS endpoint, identity forwarding, rate limits in the real
 * Redis, and strangler-fig splits between two real upstreams.
 */
class EdgeSecurityIT {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static TestTokens tokens;
  private static TestTokens foreignTokens;
  private static HttpServer legacy;
  private static HttpServer modern;
  private static TestGateway gateway;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    tokens = new TestTokens();
    foreignTokens = new TestTokens(); // same key id, another key: must not verify
    legacy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    legacy.createContext(
        "/",
        exchange ->
            respond(
                exchange,
                "legacy caller="
                    + exchange.getRequestHeaders().getFirst("x-caller-id")
                    + " roles="
                    + exchange.getRequestHeaders().getFirst("x-caller-roles")
                    + " auth="
                    + (exchange.getRequestHeaders().getFirst("Authorization") != null)));
    legacy.start();
    modern = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    modern.createContext("/", exchange -> respond(exchange, "modern " + exchange.getRequestURI()));
    modern.start();
    String legacyUrl = "http://127.0.0.1:" + legacy.getAddress().getPort();
    gateway =
        TestGateway.start(
            "--kb.auth.jwks-url=" + tokens.jwksUrl(),
            "--kb.services.users=" + legacyUrl,
            "--kb.services.movies=" + legacyUrl,
            "--kb.gateway.public-routes=/api/status,GET /api/movies/",
            "--kb.status.traces-url=http://127.0.0.1:9411/zipkin/",
            "--kb.gateway.migration-targets=http://127.0.0.1:" + modern.getAddress().getPort(),
            "--kb.gateway.rate-limit.user-per-second=5",
            "--kb.gateway.rate-limit.user-burst=10",
            // a thousand users' first requests come from this one address (HostileHttpIT tests the
            // address limit)
            "--kb.gateway.rate-limit.address-per-second=1000",
            "--kb.gateway.rate-limit.address-burst=1000");
    base = "http://127.0.0.1:" + gateway.port();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    legacy.stop(0);
    modern.stop(0);
    tokens.close();
    foreignTokens.close();
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static JWTClaimsSet.Builder claims(String userId) {
    return tokens.claims(userId, "Test User");
  }

  private static String tokenFor(String userId, String... roles) {
    return tokens.tokenFor(userId, "Test User", roles);
  }

  private static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("X-Caller-Id", "someone-else");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void aValidTokenIsForwardedWithTheVerifiedIdentityOnly() throws Exception {
    HttpResponse<String> response =
        send("GET", "/api/users/me", tokenFor("user-1", "USER", "SUPPORT"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("legacy caller=user-1 roles=");
    assertThat(response.body()).contains("USER").contains("SUPPORT").endsWith("auth=true");
  }

  @Test
  void missingTamperedExpiredForeignWrongAudienceAndUnsignedTokensAreRefusedAtTheEdge()
      throws Exception {
    assertUnauthorized(send("GET", "/api/users/me", null, null));
    assertThat(send("GET", "/api/users/me", null, null).body())
        .contains("\"reason\":\"AUTHENTICATION_REQUIRED\"");

    String valid = tokenFor("user-2", "USER");
    String[] parts = valid.split("\\.");
    String tampered =
        parts[0]
            + "."
            + Base64URL.encode(claims("admin").claim("roles", List.of("ADMIN")).build().toString())
            + "."
            + parts[2];
    String expired =
        tokens.sign(
            claims("user-2")
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(1800)))
                .build());
    String foreign = foreignTokens.tokenFor("user-2", "Test User");
    String wrongAudience = tokens.sign(claims("user-2").audience("elsewhere").build());
    String unsigned = new PlainJWT(claims("user-2").build()).serialize();

    for (String token : List.of(tampered, expired, foreign, wrongAudience, unsigned, "garbage")) {
      HttpResponse<String> response = send("GET", "/api/users/me", token, null);
      assertUnauthorized(response);
      assertThat(response.body()).contains("\"reason\":\"INVALID_TOKEN\"");
    }
    // A bad token is refused even on a public route: it is never silently ignored.
    assertUnauthorized(send("GET", "/api/movies/1", tampered, null));
  }

  @Test
  void publicRoutesNeedNoTokenButNeverCarryAClientClaimedIdentity() throws Exception {
    HttpResponse<String> response = send("GET", "/api/movies/1", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("legacy caller=null roles=null auth=false");
    assertUnauthorized(send("POST", "/api/movies/1", null, "{}"));
  }

  @Test
  void aCallerOverTheRateLimitGets429WithRetryAfter() throws Exception {
    String token = tokenFor("greedy-" + UUID.randomUUID(), "USER");
    HttpResponse<String> limited = null;
    for (int i = 0; i < 40 && limited == null; i++) {
      HttpResponse<String> response = send("GET", "/api/users/me", token, null);
      if (response.statusCode() == 429) {
        limited = response;
      }
    }
    assertThat(limited).as("40 rapid requests against 5/s with a burst of 10").isNotNull();
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("\"reason\":\"RATE_LIMITED\"");
    // Someone else is not affected.
    assertThat(
            send("GET", "/api/users/me", tokenFor("calm-" + UUID.randomUUID(), "USER"), null)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void weightsSplitTrafficWithinFivePercentAndKeepEachUserOnOneSide() throws Exception {
    String admin = tokenFor("admin-" + UUID.randomUUID(), "USER", "ADMIN");
    String modernUrl = "http://127.0.0.1:" + modern.getAddress().getPort();
    String change = "{\"target\":\"" + modernUrl + "\",\"percent\":30}";

    HttpResponse<String> notAdmin =
        send("PUT", "/api/admin/migrations/movies", tokenFor("u", "USER"), change);
    assertThat(notAdmin.statusCode()).isEqualTo(403);
    assertThat(send("PUT", "/api/admin/migrations/movies", admin, "{\"percent\":300}").statusCode())
        .isEqualTo(400);
    assertThat(send("PUT", "/api/admin/migrations/nothing", admin, change).statusCode())
        .isEqualTo(404);
    // a split may only name an allowed upstream: never an address of the admin's choosing
    HttpResponse<String> elsewhere =
        send(
            "PUT",
            "/api/admin/migrations/movies",
            admin,
            "{\"target\":\"http://169.254.169.254/latest\",\"percent\":30}");
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.body()).contains("migration targets");
    HttpResponse<String> changed = send("PUT", "/api/admin/migrations/movies", admin, change);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).contains("\"percent\":30");

    int toModern = 0;
    Set<String> modernUsers = new HashSet<>();
    List<String> users = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String user = UUID.randomUUID().toString();
      users.add(user);
      HttpResponse<String> response =
          send("GET", "/api/movies/7?x=1", tokenFor(user, "USER"), null);
      assertThat(response.statusCode()).isEqualTo(200);
      if (response.body().startsWith("modern")) {
        assertThat(response.body()).isEqualTo("modern /7?x=1");
        toModern++;
        modernUsers.add(user);
      }
    }
    assertThat(toModern).as("30 %% of 1000 requests, ±5 %%").isBetween(250, 350);

    for (String user : users.subList(0, 20)) {
      String token = tokenFor(user, "USER");
      for (int i = 0; i < 5; i++) {
        boolean wentModern = send("GET", "/api/movies/7", token, null).body().startsWith("modern");
        assertThat(wentModern)
            .as("user %s stays on one side", user)
            .isEqualTo(modernUsers.contains(user));
      }
    }

    HttpResponse<String> listed = send("GET", "/api/admin/migrations", admin, null);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("\"service\":\"movies\"").contains("\"targetSide\":");
    assertThat(send("GET", "/api/admin/migrations", tokenFor("u", "USER"), null).statusCode())
        .isEqualTo(403);

    assertThat(send("PUT", "/api/admin/migrations/movies", admin, "{\"percent\":0}").statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/api/movies/7", tokenFor(users.getFirst(), "USER"), null).body())
        .startsWith("legacy");
  }

  @Test
  void anAdminSeesWhereAndHowEachComponentWasChecked() throws Exception {
    String admin = tokenFor("admin-" + UUID.randomUUID(), "USER", "ADMIN");

    HttpResponse<String> detailed = send("GET", "/api/status", admin, null);
    HttpResponse<String> plain = send("GET", "/api/status", tokenFor("u", "USER"), null);

    assertThat(detailed.statusCode()).isEqualTo(200);
    assertThat(detailed.body())
        .containsPattern(
            "\"name\":\"users\",\"kind\":\"service\",\"up\":true,\"target\":\"http://127.0.0.1:[0-9]+\",\"detail\":");
    assertThat(detailed.body()).contains("\"tracesUrl\":\"http://127.0.0.1:9411/zipkin/\"");
    assertThat(plain.body())
        .contains("{\"name\":\"users\",\"kind\":\"service\",\"up\":true}")
        .doesNotContain("tracesUrl");
  }
}
