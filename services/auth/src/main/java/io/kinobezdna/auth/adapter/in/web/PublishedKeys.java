package io.kinobezdna.auth.adapter.in.web;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.kinobezdna.auth.application.query.GetPublishedKeys;
import io.kinobezdna.auth.application.query.GetPublishedKeysHandler;
import io.kinobezdna.auth.domain.SigningKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The public half of every published key: served as the JWKS, and used by auth itself to verify its
 * own tokens. Read from the database at most once per {@code cacheFor}.
 */
public final class PublishedKeys implements JWKSource<SecurityContext> {

  private final GetPublishedKeysHandler keys;
  private final Clock clock;
  private final Duration cacheFor;
  private volatile JWKSet cached;
  private volatile Instant cachedAt = Instant.MIN;

  public PublishedKeys(GetPublishedKeysHandler keys, Clock clock, Duration cacheFor) {
    this.keys = keys;
    this.clock = clock;
    this.cacheFor = cacheFor;
  }

  public JWKSet publicSet() {
    Instant now = clock.instant();
    if (cached == null || cachedAt.plus(cacheFor).isBefore(now)) {
      List<JWK> publicKeys =
          keys.handle(new GetPublishedKeys()).stream().map(PublishedKeys::publicHalf).toList();
      cached = new JWKSet(publicKeys);
      cachedAt = now;
    }
    return cached;
  }

  /** Forgets the cached set: this instance just changed the keys and must serve the new set. */
  public void invalidate() {
    cached = null;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(publicSet());
  }

  private static JWK publicHalf(SigningKey key) {
    try {
      return ECKey.parse(key.privateJwk()).toPublicJWK();
    } catch (ParseException e) {
      throw new IllegalStateException("stored signing key " + key.keyId() + " is unreadable", e);
    }
  }
}
