package io.kinobezdna.platform.autoconfigure;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.kinobezdna.platform.auth.JwtVerificationProperties;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.kinobezdna.platform.grpc.CallerRequiredInterceptor;
import io.kinobezdna.platform.grpc.GrpcClientProperties;
import io.kinobezdna.platform.grpc.GrpcServiceChannels;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.SpringTransactions;
import io.kinobezdna.platform.tx.Transactions;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every service gets without writing it: the clock, ids, token verification, the {@link
 * Transactions} port, channels to the other services and, in a gRPC server, the request context on
 * every call. A service declares its own bean of the same type to replace one (auth verifies
 * against its own key store, a test fixes the clock).
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@EnableConfigurationProperties({JwtVerificationProperties.class, GrpcClientProperties.class})
public class PlatformCoreAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PlatformCoreAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  UuidV7 ids(Clock clock) {
    return new UuidV7(clock, new SecureRandom());
  }

  /**
   * Verifies tokens against auth's JWKS. Without a configured JWKS URL no token can be verified, so
   * every protected call answers UNAUTHENTICATED.
   */
  @Bean
  @ConditionalOnMissingBean
  JwtVerifier jwtVerifier(JwtVerificationProperties auth) {
    if (auth.jwksUrl() == null || auth.jwksUrl().toString().isBlank()) {
      log.warn("kb.auth.jwks-url is not set: every call that needs a caller will be refused");
      return new JwtVerifier((selector, context) -> List.of(), auth.audience());
    }
    return new JwtVerifier(auth.jwksUrl(), auth.audience(), auth.keysCacheTtl());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(TransactionTemplate.class)
  Transactions transactions(TransactionTemplate template) {
    return new SpringTransactions(template);
  }

  @Bean
  @ConditionalOnMissingBean
  GrpcServiceChannels grpcServiceChannels(
      Environment environment,
      GrpcClientProperties grpc,
      ObjectProvider<ObservationRegistry> observations) {
    Map<String, URI> addresses =
        Binder.get(environment)
            .bind("kb.grpc-services", Bindable.mapOf(String.class, URI.class))
            .orElse(Map.of());
    return new GrpcServiceChannels(
        addresses,
        grpc.defaultDeadline(),
        observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  /** A service that serves gRPC: its calls run in the caller's request context, with a caller. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(GlobalServerInterceptor.class)
  static class GrpcServer {

    @Bean
    @GlobalServerInterceptor
    ServerInterceptor requestContextInterceptor() {
      return GrpcContextInterceptors.server();
    }

    /** No call without a verified caller, unless its method is declared public. */
    @Bean
    @GlobalServerInterceptor
    CallerRequiredInterceptor callerRequiredInterceptor(
        JwtVerifier verifier, ObjectProvider<BindableService> services) {
      return new CallerRequiredInterceptor(verifier, services.orderedStream().toList());
    }
  }
}
