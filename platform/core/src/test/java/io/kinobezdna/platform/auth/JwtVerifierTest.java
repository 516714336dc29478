package io.kinobezdna.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens signed for real, keys served by a real HTTP JWKS endpoint. */
class JwtVerifierTest {

  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private HttpServer jwks;
  private ECKey current;
  private JwtVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    current = new ECKeyGenerator(Curve.P_256).keyID("key-1").generate();
    published.set(new JWKSet(current.toPublicJWK()));
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
    verifier =
        new JwtVerifier(
            URI.create(
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json"),
            "kinobezdna",
            Duration.ofMinutes(5));
  }

  @AfterEach
  void stop() {
    jwks.stop(0);
  }

  private JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject("user-1")
        .audience("kinobezdna")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(900)))
        .claim("roles", List.of("USER", "SUPPORT"));
  }

  private static String sign(ECKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private void assertRejected(String token) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            PlatformError.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
              assertThat(e.reason()).isEqualTo("INVALID_TOKEN");
            });
  }

  @Test
  void aValidTokenNamesTheCallerAndKeysAreFetchedOnce() throws Exception {
    String token = sign(current, claims().build());

    VerifiedCaller caller = verifier.verify(token);
    for (int i = 0; i < 20; i++) {
      verifier.verify(token);
    }

    assertThat(caller.userId()).isEqualTo("user-1");
    assertThat(caller.hasRole("SUPPORT")).isTrue();
    assertThat(caller.hasRole("ADMIN")).isFalse();
    assertThat(fetches.get()).isEqualTo(1);
  }

  @Test
  void onlyTheExactVerifiedTokenIsRecalledAndOnlyUntilItExpires() throws Exception {
    String token = sign(current, claims().build());
    assertThat(verifier.recall(token)).isEmpty();

    verifier.verify(token);

    assertThat(verifier.recall(token)).map(VerifiedCaller::userId).contains("user-1");
    String tampered = token.substring(0, token.length() - 2) + "AA";
    assertThat(verifier.recall(tampered)).isEmpty();
    assertRejected(tampered);

    // Within the 30 s clock skew the signature check accepts it, but it is never recalled as live.
    Instant justExpired = Instant.now().minusSeconds(5);
    String expiring = sign(current, claims().expirationTime(Date.from(justExpired)).build());
    assertThat(verifier.verify(expiring).expiresAt()).isBefore(Instant.now());
    assertThat(verifier.recall(expiring)).isEmpty();
  }

  @Test
  void expiredWrongAudienceAndSubjectlessTokensAreRejected() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    assertRejected(
        sign(
            current,
            claims()
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))
                .build()));
    assertRejected(sign(current, claims().audience("someone-else").build()));
    assertRejected(sign(current, claims().subject(null).build()));
  }

  @Test
  void tamperedUnsignedAndForeignTokensAreRejected() throws Exception {
    String[] parts = sign(current, claims().build()).split("\\.");
    String adminPayload =
        Base64URL.encode(claims().claim("roles", List.of("ADMIN")).build().toString()).toString();
    assertRejected(parts[0] + "." + adminPayload + "." + parts[2]);

    assertRejected(new PlainJWT(claims().build()).serialize());

    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("key-1").generate();
    assertRejected(sign(stranger, claims().build()));
    assertRejected("not-a-jwt");
  }

  @Test
  void aRotatedKeyIsPickedUpWhileTheOldOneStillVerifies() throws Exception {
    String oldToken = sign(current, claims().build());
    verifier.verify(oldToken);
    ECKey next = new ECKeyGenerator(Curve.P_256).keyID("key-2").generate();
    published.set(new JWKSet(List.of(next.toPublicJWK(), current.toPublicJWK())));

    assertThat(verifier.verify(sign(next, claims().subject("user-2").build())).userId())
        .isEqualTo("user-2");
    assertThat(verifier.verify(oldToken).userId()).isEqualTo("user-1");
    assertThat(fetches.get()).isEqualTo(2);
  }
}
