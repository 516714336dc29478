package io.kinobezdna.platform.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Access tokens for a service's tests, signed like auth signs them (ES256, audience {@code
 * kinobezdna}, {@code roles}, {@code name}), with a real JWKS endpoint on 127.0.0.1 to verify them
 * against: services under test talk HTTP to it exactly as they talk to auth.
 */
public final class TestTokens implements AutoCloseable {

  public static final String AUDIENCE = "kinobezdna";

  private final ECKey key;
  private final HttpServer jwks;

  public TestTokens() {
    try {
      key = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
      jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
  }

  public String jwksUrl() {
    return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
  }

  /** The claims of a valid 15-minute token, to adjust before {@link #sign}. */
  public JWTClaimsSet.Builder claims(String userId, String name, String... roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(userId)
        .audience(AUDIENCE)
        .claim("name", name)
        .claim("roles", List.of(roles.length == 0 ? new String[] {"USER"} : roles))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(900)));
  }

  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** A valid token for this user (role USER unless others are given). */
  public String tokenFor(String userId, String name, String... roles) {
    return sign(claims(userId, name, roles).build());
  }

  @Override
  public void close() {
    jwks.stop(0);
  }
}
