package io.kinobezdna.auth.adapter.out.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.kinobezdna.auth.application.port.AccessTokenIssuer;
import io.kinobezdna.auth.application.port.SigningKeyRepository;
import io.kinobezdna.auth.domain.Account;
import io.kinobezdna.auth.domain.Role;
import io.kinobezdna.auth.domain.SigningKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.UUID;

/**
 * ES256 access tokens: {@code sub} = account id, {@code aud}, {@code roles}, {@code name}, 15
 * minutes. Signed with the key that is current at {@code now}.
 */
public final class JwtAccessTokenIssuer implements AccessTokenIssuer {

  public static final String ISSUER = "kinobezdna-auth";

  private final SigningKeyRepository keys;
  private final String audience;
  private final Duration ttl;

  public JwtAccessTokenIssuer(SigningKeyRepository keys, String audience, Duration ttl) {
    this.keys = keys;
    this.audience = audience;
    this.ttl = ttl;
  }

  @Override
  public AccessToken issue(Account account, Instant now) {
    SigningKey key =
        keys.all().stream()
            .filter(k -> k.signsAt(now))
            .max(Comparator.comparing(SigningKey::activeFrom))
            .orElseThrow(() -> new IllegalStateException("no signing key is active"));
    Instant expiresAt = now.plus(ttl);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(account.id().toString())
            .audience(audience)
            .claim("name", account.displayName())
            .claim("roles", account.roles().stream().map(Role::name).sorted().toList())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .build();
    ECKey signingKey = privateKey(key);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return new AccessToken(jwt.serialize(), expiresAt);
  }

  private static ECKey privateKey(SigningKey key) {
    try {
      return ECKey.parse(key.privateJwk());
    } catch (ParseException e) {
      throw new IllegalStateException("stored signing key " + key.keyId() + " is unreadable", e);
    }
  }
}
