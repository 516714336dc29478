package io.kinobezdna.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class OutboxAutoConfigurationTest {

  /** Nothing listens there: the relay's rounds fail and are retried, which is all it may do. */
  private static final DataSource NOWHERE =
      new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/x");

  private final ApplicationContextRunner service =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
          .withPropertyValues("kb.outbox.enabled=true")
          .withBean(DataSource.class, () -> NOWHERE)
          .withBean(JdbcClient.class, () -> JdbcClient.create(NOWHERE));

  @Test
  void aServiceWithADatabaseGetsTheWriterAndNoRelayWithoutKafka() {
    service.run(
        context -> {
          assertThat(context).hasSingleBean(OutboxWriter.class);
          assertThat(context).doesNotHaveBean(OutboxRelay.class);
        });
  }

  @Test
  void withKafkaTheRelayRunsWithTheConfiguredSettings() {
    service
        .withPropertyValues(
            "kb.kafka.bootstrap-servers=127.0.0.1:1",
            "kb.outbox.batch-size=7",
            "kb.outbox.send-timeout=3s")
        .run(
            context -> {
              assertThat(context).hasSingleBean(OutboxRelay.class);
              OutboxProperties settings = context.getBean(OutboxProperties.class);
              assertThat(settings.batchSize()).isEqualTo(7);
              assertThat(settings.sendTimeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(settings.pollInterval()).as("default").isEqualTo(Duration.ofMillis(200));
            });
  }

  @Test
  void aServiceThatDoesNotSayItHasAnOutboxGetsNone() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
        .withBean(DataSource.class, () -> NOWHERE)
        .withBean(JdbcClient.class, () -> JdbcClient.create(NOWHERE))
        .withPropertyValues("kb.kafka.bootstrap-servers=127.0.0.1:1")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(OutboxWriter.class);
              assertThat(context).doesNotHaveBean(OutboxRelay.class);
            });
  }

  @Test
  void withoutADatabaseThereIsNoOutbox() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
        .withPropertyValues("kb.outbox.enabled=true", "kb.kafka.bootstrap-servers=127.0.0.1:1")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(OutboxWriter.class);
              assertThat(context).doesNotHaveBean(OutboxRelay.class);
            });
  }
}
