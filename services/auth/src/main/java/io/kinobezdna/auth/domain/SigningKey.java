package io.kinobezdna.auth.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A key that signs access tokens. A new key is published (in the JWKS) before it starts signing,
 * and an old one stays published after it stops, until every token it signed has expired: that is
 * how keys rotate without any verifier rejecting a valid token.
 *
 * @param keyId the JWT {@code kid}
 * @param privateJwk the key pair as a JWK (opaque to the domain)
 * @param activeFrom when it starts signing
 * @param retiredAt when it stopped signing, or null while it is current
 */
public record SigningKey(String keyId, String privateJwk, Instant activeFrom, Instant retiredAt) {

  public boolean signsAt(Instant now) {
    return !activeFrom.isAfter(now) && (retiredAt == null || retiredAt.isAfter(now));
  }

  /**
   * Published while it may sign, or while tokens it signed ({@code tokenTtl}) can still be live.
   */
  public boolean publishedAt(Instant now, Duration tokenTtl) {
    return retiredAt == null || retiredAt.plus(tokenTtl).isAfter(now);
  }
}
