package io.kinobezdna.platform.outbox;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the outbox to Kafka while the service runs (when Kafka is configured). A service with
 * an outbox imports it into its configuration.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("kb.kafka.bootstrap-servers")
public class OutboxRelayConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  OutboxRelay outboxRelay(
      DataSource dataSource, @Value("${kb.kafka.bootstrap-servers}") String bootstrapServers) {
    return OutboxRelay.toKafka(dataSource, bootstrapServers);
  }
}
