package io.kinobezdna.auth.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kb.auth.*}: token lifetimes, the audience, the refresh cookie, login throttling, the demo
 * accounts (created only when a demo password is given, as ./kb up does) and the services' own
 * accounts (service name → password), and the secret signing keys are encrypted under at rest
 * ({@code key-encryption-key}; auth does not start without it).
 */
@ConfigurationProperties("kb.auth")
public record AuthProperties(
    @DefaultValue("kinobezdna") String audience,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("30d") Duration refreshTokenTtl,
    @DefaultValue("60s") Duration keyPublishAhead,
    @DefaultValue("/api/auth") String refreshCookiePath,
    @DefaultValue("false") boolean refreshCookieSecure,
    @DefaultValue Throttle throttle,
    @DefaultValue Retention retention,
    @DefaultValue("") String demoPassword,
    @DefaultValue("") String keyEncryptionKey,
    Map<String, String> serviceAccounts) {

  public AuthProperties {
    serviceAccounts = serviceAccounts == null ? Map.of() : Map.copyOf(serviceAccounts);
  }

  public record Throttle(
      @DefaultValue("5") int accountThreshold,
      @DefaultValue("20") int addressThreshold,
      @DefaultValue("15m") Duration window,
      @DefaultValue("1s") Duration baseLock,
      @DefaultValue("15m") Duration maxLock) {}

  /**
   * Spent, revoked and expired refresh tokens are deleted {@code keepExpired} after they expire
   * (until then a replayed spent token is still recognised and revokes its family), swept every
   * {@code sweepEvery} ({@code kb.auth.retention.sweep-every}).
   */
  public record Retention(
      @DefaultValue("1d") Duration keepExpired, @DefaultValue("1h") Duration sweepEvery) {}
}
