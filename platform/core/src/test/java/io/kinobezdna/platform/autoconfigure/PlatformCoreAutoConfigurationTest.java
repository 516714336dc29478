package io.kinobezdna.platform.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.ServerInterceptor;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.RequestContextFilter;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.grpc.GrpcServiceChannels;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import io.kinobezdna.platform.web.ServletPlatformAutoConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class PlatformCoreAutoConfigurationTest {

  private final ApplicationContextRunner service =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PlatformCoreAutoConfiguration.class, ServletPlatformAutoConfiguration.class));

  @Test
  void aServiceGetsTheSharedBeansWithoutDeclaringThem() {
    service.run(
        context -> {
          assertThat(context).hasSingleBean(Clock.class);
          assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
          assertThat(context.getBean(UuidV7.class).next())
              .isNotEqualTo(context.getBean(UuidV7.class).next());
          assertThat(context).hasSingleBean(JwtVerifier.class);
          assertThat(context).hasSingleBean(GrpcServiceChannels.class);
          assertThat(context)
              .as("the request context on every gRPC call")
              .hasBean("requestContextInterceptor")
              .getBean("requestContextInterceptor")
              .isInstanceOf(ServerInterceptor.class);
          assertThat(context)
              .as("not a servlet application")
              .doesNotHaveBean(RequestContextFilter.class);
          assertThat(context).as("no transaction manager").doesNotHaveBean(Transactions.class);
        });
  }

  @Test
  void aBeanOfTheServiceReplacesThePlatformsOwn() {
    Clock fixed = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    service
        .withBean(Clock.class, () -> fixed)
        .run(
            context -> {
              assertThat(context.getBean(Clock.class)).isSameAs(fixed);
              assertThat(context.getBean(UuidV7.class).next().toString())
                  .as("ids are made on the service's clock: UUIDv7 starts with its milliseconds")
                  .startsWith(String.format("%012x", fixed.millis()).substring(0, 8));
            });
  }

  @Test
  void withoutAJwksUrlNoTokenVerifies() {
    service.run(
        context ->
            assertThatThrownBy(() -> context.getBean(JwtVerifier.class).verify("a.b.c"))
                .isInstanceOfSatisfying(
                    PlatformError.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED)));
  }

  @Test
  void theTransactionsPortRunsWorkInTheServicesTransactionManager() {
    AtomicInteger commits = new AtomicInteger();
    PlatformTransactionManager manager =
        new PlatformTransactionManager() {
          @Override
          public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
          }

          @Override
          public void commit(TransactionStatus status) {
            commits.incrementAndGet();
          }

          @Override
          public void rollback(TransactionStatus status) {}
        };
    service
        .withBean(TransactionTemplate.class, () -> new TransactionTemplate(manager))
        .run(
            context -> {
              String result = context.getBean(Transactions.class).inTransaction(() -> "done");
              assertThat(result).isEqualTo("done");
              assertThat(commits).hasValue(1);
            });
  }

  @Test
  void channelsAreOpenedByServiceNameAndClosedWithTheApplication() {
    service
        .withPropertyValues("kb.grpc-services.catalog=http://127.0.0.1:1")
        .run(
            context -> {
              GrpcServiceChannels channels = context.getBean(GrpcServiceChannels.class);
              ManagedChannel catalog = channels.channel("catalog");
              assertThat(catalog.authority()).isEqualTo("127.0.0.1:1");
              assertThatThrownBy(() -> channels.channel("payments"))
                  .hasMessageContaining("kb.grpc-services.payments");
              context.close();
              assertThat(catalog.isShutdown()).isTrue();
            });
  }

  @Test
  void aServletServiceGetsTheRequestContextFilter() {
    new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PlatformCoreAutoConfiguration.class, ServletPlatformAutoConfiguration.class))
        .run(context -> assertThat(context).hasSingleBean(RequestContextFilter.class));
  }
}
