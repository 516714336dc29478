package io.kinobezdna.platform.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox of a service that has one ({@code kb.outbox.enabled: true} next to the outbox table's
 * migration in its Flyway locations): the writer its event adapters append with, and (when Kafka is
 * configured) the relay that publishes what they wrote. The switch is the service's own, not the
 * classpath: under ./kb up every service shares one classpath.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnBooleanProperty("kb.outbox.enabled")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(JdbcClient.class)
  OutboxWriter outboxWriter(
      JdbcClient jdbc, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return new OutboxWriter(
        jdbc,
        tracer.getIfAvailable(() -> Tracer.NOOP),
        propagator.getIfAvailable(() -> Propagator.NOOP));
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty("kb.kafka.bootstrap-servers")
  OutboxRelay outboxRelay(
      DataSource dataSource,
      @Value("${kb.kafka.bootstrap-servers}") String bootstrapServers,
      OutboxProperties settings) {
    return OutboxRelay.toKafka(dataSource, bootstrapServers, settings);
  }
}
