package io.kinobezdna.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import io.kinobezdna.auth.adapter.out.jdbc.SigningKeyCipher;
import io.kinobezdna.auth.adapter.out.jwt.EcSigningKeyGenerator;
import io.kinobezdna.auth.application.command.PrepareSigningKeysHandler;
import io.kinobezdna.auth.application.command.PurgeExpiredSessionsHandler;
import io.kinobezdna.auth.application.port.SigningKeyRepository;
import io.kinobezdna.auth.domain.SigningKey;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.testkit.PublicEndpoints;
import io.kinobezdna.platform.testkit.ServiceUnderTest;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The auth service on real PostgreSQL, Redis and Kafka from the devstack. */
class AuthIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "correct horse battery";

  private static ConfigurableApplicationContext auth;
  private static String base;
  private static TestInfrastructure infra;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    infra = TestInfrastructure.ensure("postgres", "redis", "kafka");
    var db = infra.postgres("auth");
    auth =
        ServiceUnderTest.of(AuthApplication.class, AuthApplication.CONFIG_NAME)
            .database(db)
            .redis(infra)
            .kafka(infra)
            .property("kb.auth.key-publish-ahead", "0s")
            .property("kb.auth.demo-password", "demo password for tests")
            .property("kb.auth.service-accounts.probe", "probe password for tests")
            // the home's secret, as the launcher passes it: platform ITs share this database
            .property("kb.auth.key-encryption-key", infra.home().secret("auth.key-encryption-key"))
            .start();
    base = ServiceUnderTest.httpBase(auth);
  }

  @AfterAll
  static void stop() {
    if (auth != null) {
      auth.close();
    }
  }

  private static String uniqueEmail() {
    return "viewer-" + UUID.randomUUID() + "@Example.COM";
  }

  /** A client address of its own per test, so throttling in one test never leaks into another. */
  private static String uniqueIp() {
    return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + ".7";
  }

  private HttpResponse<String> post(String path, Object body, String ip, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            // the edge's header decides; a client's own X-Forwarded-For is not believed
            .header("x-client-address", ip)
            .header("X-Forwarded-For", "203.0.113.9")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String refreshCookie(HttpResponse<?> response) {
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private HttpResponse<String> register(String email, String ip) throws Exception {
    return post(
        "/register",
        Map.of("email", email, "password", PASSWORD, "displayName", "  Ann Viewer "),
        ip);
  }

  @Test
  void registersAndIssuesTokensThatVerifyAgainstTheJwks() throws Exception {
    String email = uniqueEmail();
    HttpResponse<String> registered = register(email, uniqueIp());
    assertThat(registered.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(registered.body());
    assertThat(body.get("user").get("email").asString()).isEqualTo(email.toLowerCase());
    assertThat(body.get("user").get("displayName").asString()).isEqualTo("Ann Viewer");
    assertThat(body.get("expiresIn").asLong()).isBetween(890L, 900L);
    refreshCookie(registered);

    JwtVerifier verifier =
        new JwtVerifier(URI.create(base + "/jwks"), "kinobezdna", Duration.ofMinutes(5));
    VerifiedCaller caller = verifier.verify(body.get("accessToken").asString());
    assertThat(caller.userId()).isEqualTo(body.get("user").get("id").asString());
    assertThat(caller.roles()).containsExactly("USER");
    assertThat(caller.displayName()).isEqualTo("Ann Viewer");
    assertThat(SignedJWT.parse(body.get("accessToken").asString()).getHeader().getAlgorithm())
        .hasToString("ES256");

    JwtVerifier otherAudience =
        new JwtVerifier(URI.create(base + "/jwks"), "someone-else", Duration.ofMinutes(5));
    assertThatThrownBy(() -> otherAudience.verify(body.get("accessToken").asString()))
        .isInstanceOf(PlatformError.class);
  }

  @Test
  void rejectsBadInputWithOneViolationPerFieldAndDuplicateEmails() throws Exception {
    HttpResponse<String> bad =
        post(
            "/register",
            Map.of("email", "not-an-email", "password", "short", "displayName", ""),
            uniqueIp());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode errors = JSON.readTree(bad.body()).get("errors");
    List<String> fields = new ArrayList<>();
    errors.forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("email", "password", "displayName");

    String email = uniqueEmail();
    assertThat(register(email, uniqueIp()).statusCode()).isEqualTo(201);
    HttpResponse<String> again = register(email.toUpperCase(), uniqueIp());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("reason").asString()).isEqualTo("EMAIL_TAKEN");

    HttpResponse<String> malformed =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).get("reason").asString())
        .isEqualTo("MALFORMED_BODY");
  }

  @Test
  void refreshRotatesAndReuseOfASpentTokenRevokesTheWholeFamily() throws Exception {
    String ip = uniqueIp();
    String first = refreshCookie(register(uniqueEmail(), ip));

    HttpResponse<String> rotated = post("/refresh", Map.of(), ip, "Cookie", first);
    assertThat(rotated.statusCode()).isEqualTo(200);
    String second = refreshCookie(rotated);
    assertThat(second).isNotEqualTo(first);

    // The spent first token comes back: someone else holds this session.
    HttpResponse<String> reuse = post("/refresh", Map.of(), ip, "Cookie", first);
    assertThat(reuse.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(reuse.body()).get("reason").asString())
        .isEqualTo("REFRESH_TOKEN_REUSED");

    // ...so the legitimate newest token is dead too.
    HttpResponse<String> afterRevocation = post("/refresh", Map.of(), ip, "Cookie", second);
    assertThat(afterRevocation.statusCode()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSessionAndLogoutEverywhereEndsAllOfThem() throws Exception {
    String ip = uniqueIp();
    String email = uniqueEmail();
    String laptop = refreshCookie(register(email, ip));
    HttpResponse<String> phoneLogin =
        post("/login", Map.of("email", email, "password", PASSWORD), ip);
    String phone = refreshCookie(phoneLogin);
    HttpResponse<String> tabletLogin =
        post("/login", Map.of("email", email, "password", PASSWORD), ip);
    String tablet = refreshCookie(tabletLogin);

    assertThat(post("/logout", Map.of(), ip, "Cookie", laptop).statusCode()).isEqualTo(204);
    assertThat(post("/refresh", Map.of(), ip, "Cookie", laptop).statusCode()).isEqualTo(401);
    assertThat(post("/refresh", Map.of(), ip, "Cookie", phone).statusCode()).isEqualTo(200);

    String access = JSON.readTree(tabletLogin.body()).get("accessToken").asString();
    assertThat(post("/logout-everywhere", Map.of(), ip).statusCode()).isEqualTo(401);
    assertThat(
            post("/logout-everywhere", Map.of(), ip, "Authorization", "Bearer " + access)
                .statusCode())
        .isEqualTo(204);
    assertThat(post("/refresh", Map.of(), ip, "Cookie", tablet).statusCode()).isEqualTo(401);
  }

  @Test
  void unknownEmailAndWrongPasswordLookTheSameAndRepeatedFailuresLockTheAccount() throws Exception {
    String email = uniqueEmail();
    register(email, uniqueIp());

    HttpResponse<String> unknown =
        post("/login", Map.of("email", uniqueEmail(), "password", PASSWORD), uniqueIp());
    HttpResponse<String> wrong =
        post("/login", Map.of("email", email, "password", "wrong password!"), uniqueIp());
    assertThat(unknown.statusCode()).isEqualTo(401).isEqualTo(wrong.statusCode());
    JsonNode unknownBody = JSON.readTree(unknown.body());
    JsonNode wrongBody = JSON.readTree(wrong.body());
    assertThat(unknownBody.get("detail")).isEqualTo(wrongBody.get("detail"));
    assertThat(unknownBody.get("reason")).isEqualTo(wrongBody.get("reason"));

    // Four more failures from different addresses reach the per-account threshold (5).
    for (int i = 0; i < 4; i++) {
      post("/login", Map.of("email", email, "password", "wrong password!"), uniqueIp());
    }
    HttpResponse<String> locked =
        post("/login", Map.of("email", email, "password", PASSWORD), uniqueIp());
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 900L);
    assertThat(JSON.readTree(locked.body()).get("reason").asString())
        .isEqualTo("TOO_MANY_ATTEMPTS");
  }

  @Test
  void tooManyFailuresFromOneAddressAreThrottledWhateverTheAccount() throws Exception {
    String ip = uniqueIp();
    int status = 0;
    for (int i = 0; i < 21 && status != 429; i++) {
      status =
          post("/login", Map.of("email", uniqueEmail(), "password", "wrong password!"), ip)
              .statusCode();
    }
    assertThat(status).isEqualTo(429);
  }

  @Test
  void rotatedKeysKeepOldTokensValidAndOnlyAnAdminMayRotate() throws Exception {
    String ip = uniqueIp();
    String userToken =
        JSON.readTree(register(uniqueEmail(), ip).body()).get("accessToken").asString();
    assertThat(
            post("/admin/signing-keys/rotate", Map.of(), ip, "Authorization", "Bearer " + userToken)
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> adminLogin =
        post(
            "/login",
            Map.of("email", "admin@kinobezdna.local", "password", "demo password for tests"),
            ip);
    assertThat(adminLogin.statusCode()).isEqualTo(200);
    String adminToken = JSON.readTree(adminLogin.body()).get("accessToken").asString();
    String oldKid = SignedJWT.parse(adminToken).getHeader().getKeyID();

    HttpResponse<String> rotated =
        post("/admin/signing-keys/rotate", Map.of(), ip, "Authorization", "Bearer " + adminToken);
    assertThat(rotated.statusCode()).isEqualTo(200);
    String newKid = JSON.readTree(rotated.body()).get("keyId").asString();
    assertThat(newKid).isNotEqualTo(oldKid);

    JwtVerifier verifier =
        new JwtVerifier(URI.create(base + "/jwks"), "kinobezdna", Duration.ofMinutes(5));
    assertThat(verifier.verify(adminToken).isAdmin()).isTrue();
    String fresh =
        JSON.readTree(
                post(
                        "/login",
                        Map.of(
                            "email", "admin@kinobezdna.local",
                            "password", "demo password for tests"),
                        ip)
                    .body())
            .get("accessToken")
            .asString();
    assertThat(SignedJWT.parse(fresh).getHeader().getKeyID()).isEqualTo(newKid);
    assertThat(verifier.verify(fresh).userId()).isEqualTo(verifier.verify(adminToken).userId());
  }

  @Test
  void signingKeysAreEncryptedAtRestAndAPlaintextKeyOfAnEarlierVersionIsEncryptedAtStart() {
    JdbcClient jdbc = auth.getBean(JdbcClient.class);
    assertThat(jdbc.sql("select private_jwk from signing_key").query(String.class).list())
        .isNotEmpty()
        .allSatisfy(
            stored ->
                assertThat(stored)
                    .startsWith("v1:")
                    .as("no private key material in the clear")
                    .doesNotContain("\"d\""));

    SigningKey legacy =
        new EcSigningKeyGenerator().generate(Instant.now().minus(Duration.ofHours(1)));
    jdbc.sql("insert into signing_key (kid, private_jwk, active_from, retired_at) values (?,?,?,?)")
        .params(
            legacy.keyId(),
            legacy.privateJwk(),
            Timestamp.from(legacy.activeFrom()),
            Timestamp.from(Instant.now().minus(Duration.ofMinutes(30))))
        .update();

    int encrypted = auth.getBean(PrepareSigningKeysHandler.class).handle();

    assertThat(encrypted).isEqualTo(1);
    assertThat(
            jdbc.sql("select private_jwk from signing_key where kid = ?")
                .param(legacy.keyId())
                .query(String.class)
                .single())
        .startsWith("v1:");
    assertThat(auth.getBean(SigningKeyRepository.class).all())
        .filteredOn(key -> key.keyId().equals(legacy.keyId()))
        .singleElement()
        .extracting(SigningKey::privateJwk)
        .isEqualTo(legacy.privateJwk());

    // a key sealed under another secret (one replaced since): ignored, never a failed login
    SigningKey foreign = new EcSigningKeyGenerator().generate(Instant.now());
    jdbc.sql("insert into signing_key (kid, private_jwk, active_from, retired_at) values (?,?,?,?)")
        .params(
            foreign.keyId(),
            SigningKeyCipher.fromSecret("another secret")
                .encrypt(foreign.keyId(), foreign.privateJwk()),
            Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
            null)
        .update();
    assertThat(auth.getBean(SigningKeyRepository.class).all())
        .extracting(SigningKey::keyId)
        .doesNotContain(foreign.keyId())
        .isNotEmpty();
    jdbc.sql("delete from signing_key where kid = ?").param(foreign.keyId()).update();
  }

  @Test
  void aServiceSignsInToItsOwnAccountWithNoExtraRole() throws Exception {
    String ip = uniqueIp();
    HttpResponse<String> wrong =
        post(
            "/login",
            Map.of(
                "email", "probe@services.kinobezdna.local",
                "password", "demo password for tests"),
            ip);
    HttpResponse<String> right =
        post(
            "/login",
            Map.of(
                "email", "probe@services.kinobezdna.local",
                "password", "probe password for tests"),
            ip);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(right.statusCode()).isEqualTo(200);
    JsonNode user = JSON.readTree(right.body()).get("user");
    assertThat(user.get("displayName").asString()).isEqualTo("probe service");
    assertThat(user.get("roles").toString()).isEqualTo("[\"USER\"]");
  }

  @Test
  void publishesAuthEventsToKafka() throws Exception {
    String ip = uniqueIp();
    JsonNode registered = JSON.readTree(register(uniqueEmail(), ip).body());
    String userId = registered.get("user").get("id").asString();

    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "auth-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("auth.events.v1"));
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key().equals(userId)) {
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("type").asString()).isEqualTo("registered");
            assertThat(event.get("client_ip").asString()).isEqualTo(ip);
            assertThat(record.headers().lastHeader("event-id")).isNotNull();
            return;
          }
        }
      }
    }
    throw new AssertionError("no registered event for " + userId + " within 30 s");
  }

  @Test
  void expiredSessionsAreDeletedADayAfterTheyExpireAndLiveOnesStay() throws Exception {
    JsonNode body = JSON.readTree(register(uniqueEmail(), uniqueIp()).body());
    UUID account = UUID.fromString(body.get("user").get("id").asString());
    JdbcClient jdbc = auth.getBean(JdbcClient.class);
    Instant now = Instant.now();
    UUID longExpired = insertToken(jdbc, account, now.minus(Duration.ofDays(2)));
    UUID justExpired = insertToken(jdbc, account, now.minus(Duration.ofHours(1)));
    UUID live = insertToken(jdbc, account, now.plus(Duration.ofDays(3)));

    int deleted = auth.getBean(PurgeExpiredSessionsHandler.class).handle();

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    List<UUID> left =
        jdbc.sql("select id from refresh_token where id in (?, ?, ?)")
            .params(longExpired, justExpired, live)
            .query(UUID.class)
            .list();
    assertThat(left)
        .as("a replayed token is still recognised until a day after it expired")
        .containsExactlyInAnyOrder(justExpired, live);
  }

  private static UUID insertToken(JdbcClient jdbc, UUID account, Instant expiresAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into refresh_token (id, family_id, account_id, token_hash, issued_at,"
                + " expires_at, spent_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            UUID.randomUUID(),
            account,
            "test-" + id,
            Timestamp.from(expiresAt.minus(Duration.ofDays(30))),
            Timestamp.from(expiresAt),
            Timestamp.from(expiresAt.minus(Duration.ofDays(29))))
        .update();
    return id;
  }

  /** Anything not on this list needs a signed-in caller; a new public endpoint shows up here. */
  @Test
  void onlyTheDeclaredEndpointsArePublic() {
    assertThat(PublicEndpoints.of(auth))
        .containsExactly(
            "GET /.well-known/jwks.json",
            "GET /jwks",
            "POST /login",
            "POST /logout",
            "POST /refresh",
            "POST /register");
  }
}
