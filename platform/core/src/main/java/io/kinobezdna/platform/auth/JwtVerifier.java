package io.kinobezdna.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies access tokens against the auth service's JWKS: signature (ES256 or RS256 only, so {@code
 * alg: none} and HMAC tricks are refused), expiry and not-before with a small clock skew, audience,
 * and a subject. Keys are cached; an unknown key id triggers one refresh (that is how a rotated key
 * is picked up), rate-limited so bad tokens cannot hammer the auth service.
 *
 * <p>A verified token is remembered until it expires: an ES256 check costs about a millisecond of
 * CPU, and a client sends the same token with every request for 15 minutes. The map is keyed by the
 * whole token, so only the exact bytes that were verified are recalled.
 */
public final class JwtVerifier {

  private static final Logger log = LoggerFactory.getLogger(JwtVerifier.class);

  private static final int MAX_REMEMBERED = 20_000;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final Map<String, VerifiedCaller> verified = new ConcurrentHashMap<>();

  public JwtVerifier(URI jwksUrl, String audience, Duration cacheTtl) {
    this(remoteKeys(jwksUrl, cacheTtl), audience);
  }

  /** A verifier over any key source: the auth service verifies against its own key store. */
  public JwtVerifier(JWKSource<SecurityContext> keys, String audience) {
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(audience, null, Set.of("sub", "exp", "iat"));
    claims.setMaxClockSkew(30);
    processor.setJWTClaimsSetVerifier(claims);
  }

  private static JWKSource<SecurityContext> remoteKeys(URI jwksUrl, Duration cacheTtl) {
    try {
      return JWKSourceBuilder.create(jwksUrl.toURL())
          .cache(cacheTtl.toMillis(), Duration.ofSeconds(5).toMillis())
          .rateLimited(Duration.ofSeconds(5).toMillis())
          .retrying(true)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a JWKS URL: " + jwksUrl, e);
    }
  }

  /**
   * The caller of a token this verifier has already verified and that has not expired yet; never
   * blocks, so an event loop may ask.
   */
  public Optional<VerifiedCaller> recall(String token) {
    VerifiedCaller caller = verified.get(token);
    if (caller != null && caller.expiresAt().isAfter(Instant.now())) {
      return Optional.of(caller);
    }
    return Optional.empty();
  }

  /**
   * The caller the token names, or UNAUTHENTICATED (401) with no detail a client could misuse. May
   * block on a JWKS refresh when the token's key is not known yet.
   */
  public VerifiedCaller verify(String token) {
    Optional<VerifiedCaller> known = recall(token);
    if (known.isPresent()) {
      return known.get();
    }
    try {
      JWTClaimsSet claims = processor.process(token, null);
      return remember(
          token,
          new VerifiedCaller(
              claims.getSubject(),
              claims.getStringClaim("name"),
              roles(claims),
              claims.getExpirationTime().toInstant()));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      log.debug("rejected an access token: {}", e.getMessage());
      throw new PlatformError(
          ErrorKind.UNAUTHENTICATED,
          "INVALID_TOKEN",
          "The access token is missing, invalid or expired.");
    }
  }

  private VerifiedCaller remember(String token, VerifiedCaller caller) {
    if (verified.size() >= MAX_REMEMBERED) {
      Instant now = Instant.now();
      verified.values().removeIf(c -> !c.expiresAt().isAfter(now));
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
    }
    verified.put(token, caller);
    return caller;
  }

  private static Set<String> roles(JWTClaimsSet claims) throws ParseException {
    List<String> roles = claims.getStringListClaim("roles");
    return roles == null ? Set.of() : new HashSet<>(roles);
  }
}
