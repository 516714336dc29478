package io.kinobezdna.auth.config;

import io.kinobezdna.auth.adapter.in.schedule.SessionRetentionSweeper;
import io.kinobezdna.auth.adapter.in.startup.AccountsSeeder;
import io.kinobezdna.auth.adapter.in.startup.SigningKeysPreparer;
import io.kinobezdna.auth.adapter.in.web.AuthController;
import io.kinobezdna.auth.adapter.in.web.PublishedKeys;
import io.kinobezdna.auth.adapter.out.crypto.Argon2PasswordHasher;
import io.kinobezdna.auth.adapter.out.crypto.Sha256SecureTokens;
import io.kinobezdna.auth.adapter.out.jdbc.JdbcAccountRepository;
import io.kinobezdna.auth.adapter.out.jdbc.JdbcRefreshTokenRepository;
import io.kinobezdna.auth.adapter.out.jdbc.JdbcSigningKeyRepository;
import io.kinobezdna.auth.adapter.out.jdbc.SigningKeyCipher;
import io.kinobezdna.auth.adapter.out.jwt.EcSigningKeyGenerator;
import io.kinobezdna.auth.adapter.out.jwt.JwtAccessTokenIssuer;
import io.kinobezdna.auth.adapter.out.outbox.OutboxAuthEvents;
import io.kinobezdna.auth.adapter.out.redis.RedisLoginThrottle;
import io.kinobezdna.auth.application.AuthPolicy;
import io.kinobezdna.auth.application.SessionIssuer;
import io.kinobezdna.auth.application.command.EnsureAccountsHandler;
import io.kinobezdna.auth.application.command.LogInHandler;
import io.kinobezdna.auth.application.command.LogOutEverywhereHandler;
import io.kinobezdna.auth.application.command.LogOutHandler;
import io.kinobezdna.auth.application.command.PrepareSigningKeysHandler;
import io.kinobezdna.auth.application.command.PurgeExpiredSessionsHandler;
import io.kinobezdna.auth.application.command.RefreshSessionHandler;
import io.kinobezdna.auth.application.command.RegisterAccountHandler;
import io.kinobezdna.auth.application.command.RotateSigningKeyHandler;
import io.kinobezdna.auth.application.port.LoginThrottle;
import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.auth.application.port.SecureTokens;
import io.kinobezdna.auth.application.port.SigningKeyGenerator;
import io.kinobezdna.auth.application.port.SigningKeyRepository;
import io.kinobezdna.auth.application.query.GetPublishedKeysHandler;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Retention;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires auth's use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import({
  Argon2PasswordHasher.class,
  EnsureAccountsHandler.class,
  GetPublishedKeysHandler.class,
  JdbcAccountRepository.class,
  JdbcRefreshTokenRepository.class,
  JdbcSigningKeyRepository.class,
  PrepareSigningKeysHandler.class,
  SigningKeysPreparer.class,
  SessionRetentionSweeper.class,
  LogInHandler.class,
  LogOutEverywhereHandler.class,
  LogOutHandler.class,
  OutboxAuthEvents.class,
  RefreshSessionHandler.class,
  RegisterAccountHandler.class,
  Sha256SecureTokens.class
})
@EnableConfigurationProperties(AuthProperties.class)
public class AuthConfiguration {

  @Bean
  AuthPolicy authPolicy(AuthProperties properties) {
    return new AuthPolicy(
        properties.accessTokenTtl(), properties.refreshTokenTtl(), properties.keyPublishAhead());
  }

  @Bean
  LoginThrottle loginThrottle(StringRedisTemplate redis, AuthProperties properties) {
    AuthProperties.Throttle t = properties.throttle();
    return new RedisLoginThrottle(
        redis,
        new RedisLoginThrottle.Limits(t.accountThreshold(), t.window(), t.baseLock(), t.maxLock()),
        new RedisLoginThrottle.Limits(t.addressThreshold(), t.window(), t.baseLock(), t.maxLock()));
  }

  @Bean
  SessionIssuer sessionIssuer(
      RefreshTokenRepository refreshTokens,
      SigningKeyRepository keys,
      SecureTokens secureTokens,
      UuidV7 ids,
      AuthPolicy policy,
      AuthProperties properties) {
    return new SessionIssuer(
        refreshTokens,
        new JwtAccessTokenIssuer(keys, properties.audience(), policy.accessTokenTtl()),
        secureTokens,
        ids,
        policy);
  }

  @Bean
  SigningKeyGenerator signingKeyGenerator() {
    return new EcSigningKeyGenerator();
  }

  @Bean
  RotateSigningKeyHandler rotateSigningKeyHandler(
      SigningKeyRepository keys, SigningKeyGenerator generator, AuthPolicy policy, Clock clock) {
    return new RotateSigningKeyHandler(keys, generator, policy, clock);
  }

  @Bean
  SigningKeyCipher signingKeyCipher(AuthProperties properties) {
    return SigningKeyCipher.fromSecret(properties.keyEncryptionKey());
  }

  @Bean
  PublishedKeys publishedKeys(GetPublishedKeysHandler handler, Clock clock) {
    return new PublishedKeys(handler, clock, Duration.ofSeconds(5));
  }

  /** Auth verifies its own tokens against its own key store: no HTTP round trip to itself. */
  @Bean
  JwtVerifier jwtVerifier(PublishedKeys keys, AuthProperties properties) {
    return new JwtVerifier(keys, properties.audience());
  }

  @Bean
  AuthController.CookieSettings cookieSettings(AuthProperties properties) {
    return new AuthController.CookieSettings(
        properties.refreshCookiePath(), properties.refreshCookieSecure());
  }

  @Bean
  AccountsSeeder accountsSeeder(EnsureAccountsHandler handler, AuthProperties properties) {
    return new AccountsSeeder(handler, properties.demoPassword(), properties.serviceAccounts());
  }

  @Bean
  PurgeExpiredSessionsHandler purgeExpiredSessionsHandler(
      RefreshTokenRepository refreshTokens, Clock clock, AuthProperties properties) {
    return new PurgeExpiredSessionsHandler(
        refreshTokens, new Retention(clock, properties.retention().keepExpired()));
  }
}
