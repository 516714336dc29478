package io.kinobezdna.auth.config;

import io.kinobezdna.auth.adapter.in.web.AuthController;
import io.kinobezdna.auth.adapter.out.crypto.Argon2PasswordHasher;
import io.kinobezdna.auth.adapter.out.crypto.Sha256SecureTokens;
import io.kinobezdna.auth.adapter.out.jdbc.JdbcAccountRepository;
import io.kinobezdna.auth.adapter.out.jdbc.JdbcRefreshTokenRepository;
import io.kinobezdna.auth.adapter.out.jdbc.JdbcSigningKeyRepository;
import io.kinobezdna.auth.adapter.out.jwt.EcSigningKeyGenerator;
import io.kinobezdna.auth.adapter.out.jwt.JwtAccessTokenIssuer;
import io.kinobezdna.auth.adapter.out.jwt.PublishedKeys;
import io.kinobezdna.auth.adapter.out.outbox.OutboxAuthEvents;
import io.kinobezdna.auth.adapter.out.redis.RedisLoginThrottle;
import io.kinobezdna.auth.application.AuthPolicy;
import io.kinobezdna.auth.application.SessionIssuer;
import io.kinobezdna.auth.application.command.EnsureAccountsHandler;
import io.kinobezdna.auth.application.command.LogInHandler;
import io.kinobezdna.auth.application.command.LogOutEverywhereHandler;
import io.kinobezdna.auth.application.command.LogOutHandler;
import io.kinobezdna.auth.application.command.RefreshSessionHandler;
import io.kinobezdna.auth.application.command.RegisterAccountHandler;
import io.kinobezdna.auth.application.command.RotateSigningKeyHandler;
import io.kinobezdna.auth.application.port.AccountRepository;
import io.kinobezdna.auth.application.port.AuthEvents;
import io.kinobezdna.auth.application.port.LoginThrottle;
import io.kinobezdna.auth.application.port.PasswordHasher;
import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.auth.application.port.SecureTokens;
import io.kinobezdna.auth.application.port.SigningKeyRepository;
import io.kinobezdna.auth.application.query.GetPublishedKeysHandler;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.outbox.OutboxRelayConfiguration;
import io.kinobezdna.platform.outbox.OutboxWriter;
import io.kinobezdna.platform.tx.SpringTransactions;
import io.kinobezdna.platform.tx.Transactions;
import io.kinobezdna.platform.web.ServletPlatformSupport;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires auth's use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@Import({ServletPlatformSupport.class, OutboxRelayConfiguration.class})
public class AuthConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  UuidV7 ids(Clock clock) {
    return new UuidV7(clock, new SecureRandom());
  }

  @Bean
  AuthPolicy authPolicy(AuthProperties properties) {
    return new AuthPolicy(
        properties.accessTokenTtl(), properties.refreshTokenTtl(), properties.keyPublishAhead());
  }

  @Bean
  Transactions transactions(TransactionTemplate template) {
    return new SpringTransactions(template);
  }

  @Bean
  AccountRepository accountRepository(JdbcClient jdbc) {
    return new JdbcAccountRepository(jdbc);
  }

  @Bean
  RefreshTokenRepository refreshTokenRepository(JdbcClient jdbc) {
    return new JdbcRefreshTokenRepository(jdbc);
  }

  @Bean
  SigningKeyRepository signingKeyRepository(JdbcClient jdbc, Transactions transactions) {
    return new JdbcSigningKeyRepository(jdbc, transactions);
  }

  @Bean
  PasswordHasher passwordHasher() {
    return new Argon2PasswordHasher();
  }

  @Bean
  SecureTokens secureTokens() {
    return new Sha256SecureTokens();
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
  AuthEvents authEvents(JdbcClient jdbc, JsonMapper json) {
    return new OutboxAuthEvents(new OutboxWriter(jdbc), json);
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
  RegisterAccountHandler registerAccountHandler(
      AccountRepository accounts,
      PasswordHasher hasher,
      SessionIssuer sessions,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    return new RegisterAccountHandler(accounts, hasher, sessions, events, transactions, ids, clock);
  }

  @Bean
  LogInHandler logInHandler(
      AccountRepository accounts,
      PasswordHasher hasher,
      LoginThrottle throttle,
      SecureTokens secureTokens,
      SessionIssuer sessions,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    return new LogInHandler(
        accounts, hasher, throttle, secureTokens, sessions, events, transactions, ids, clock);
  }

  @Bean
  RefreshSessionHandler refreshSessionHandler(
      RefreshTokenRepository refreshTokens,
      AccountRepository accounts,
      SecureTokens secureTokens,
      SessionIssuer sessions,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    return new RefreshSessionHandler(
        refreshTokens, accounts, secureTokens, sessions, events, transactions, ids, clock);
  }

  @Bean
  LogOutHandler logOutHandler(
      RefreshTokenRepository refreshTokens,
      SecureTokens secureTokens,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    return new LogOutHandler(refreshTokens, secureTokens, events, transactions, ids, clock);
  }

  @Bean
  LogOutEverywhereHandler logOutEverywhereHandler(
      RefreshTokenRepository refreshTokens,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    return new LogOutEverywhereHandler(refreshTokens, events, transactions, ids, clock);
  }

  @Bean
  RotateSigningKeyHandler rotateSigningKeyHandler(
      SigningKeyRepository keys, AuthPolicy policy, Clock clock) {
    RotateSigningKeyHandler handler =
        new RotateSigningKeyHandler(keys, new EcSigningKeyGenerator(), policy, clock);
    handler.ensureKeyExists();
    return handler;
  }

  @Bean
  GetPublishedKeysHandler getPublishedKeysHandler(
      SigningKeyRepository keys, AuthPolicy policy, Clock clock) {
    return new GetPublishedKeysHandler(keys, policy, clock);
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
  EnsureAccountsHandler ensureAccountsHandler(
      AccountRepository accounts, PasswordHasher hasher, UuidV7 ids, Clock clock) {
    return new EnsureAccountsHandler(accounts, hasher, ids, clock);
  }

  @Bean
  AccountsSeeder accountsSeeder(EnsureAccountsHandler handler, AuthProperties properties) {
    return new AccountsSeeder(handler, properties.demoPassword(), properties.serviceAccounts());
  }
}
