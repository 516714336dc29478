package io.kinobezdna.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.kinobezdna.platform.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A listener set up by the auto-configuration, on the devstack's Kafka: a failing record is retried
 * until it succeeds and nothing after it overtakes it; an unreadable one is parked in the
 * dead-letter topic and the partition moves on; a stopped listener shows in health and a metric and
 * is started again.
 */
class PlatformKafkaAutoConfigurationIT {

  private static final String TOPIC = "platform-kafka-it-" + UUID.randomUUID();
  private static final List<String> seen = new CopyOnWriteArrayList<>();
  private static final AtomicInteger flakyAttempts = new AtomicInteger();
  private static String kafka;
  private static ConfigurableApplicationContext app;
  private static KafkaProducer<String, String> producer;

  /** Records every value; "poison" cannot be read; "flaky" fails twice, then works. */
  static final class Recorder {
    @KafkaListener(
        id = "recorder",
        topics = "#{T(io.kinobezdna.platform.kafka.PlatformKafkaAutoConfigurationIT).topic()}",
        groupId = "recorder")
    void on(ConsumerRecord<String, byte[]> record) {
      String value = new String(record.value(), StandardCharsets.UTF_8);
      if (value.equals("poison")) {
        throw new UnreadableRecord(record, new IllegalArgumentException("not an event"));
      }
      if (value.equals("flaky") && flakyAttempts.incrementAndGet() <= 2) {
        throw new IllegalStateException("the database is away");
      }
      seen.add(value);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
    @Bean
    Recorder recorder() {
      return new Recorder();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  public static String topic() {
    return TOPIC;
  }

  @BeforeAll
  static void start() {
    kafka = TestInfrastructure.ensure("kafka").kafkaBootstrapServers();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(),
            new StringSerializer());
    app =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .run(
                "--kb.kafka.bootstrap-servers=" + kafka,
                "--kb.kafka.retry-initial=100ms",
                "--kb.kafka.retry-max=200ms",
                "--kb.kafka.restart-check-interval=200ms");
  }

  @AfterAll
  static void stop() {
    app.close();
    producer.close();
  }

  private static void send(String value) throws Exception {
    producer.send(new ProducerRecord<>(TOPIC, "one-key", value)).get();
  }

  @Test
  void failuresAreRetriedInOrderAndUnreadableRecordsAreParked() throws Exception {
    send("first");
    send("flaky");
    send("poison");
    send("last");

    awaitTrue(() -> seen.contains("last"));
    assertThat(seen).containsSubsequence("first", "flaky", "last").doesNotContain("poison");
    assertThat(flakyAttempts.get()).isEqualTo(3);
    ConsumerRecord<String, byte[]> parked =
        TopicReader.awaitRecord(
            kafka,
            PlatformKafkaAutoConfiguration.deadLetterTopic(TOPIC),
            r -> "one-key".equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(new String(parked.value(), StandardCharsets.UTF_8)).isEqualTo("poison");
    assertThat(
            new String(
                parked.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8))
        .contains("unreadable record " + TOPIC);
    // Kafka's client metrics, lag among them, are in Micrometer
    assertThat(
            app.getBean(MeterRegistry.class)
                .find("kafka.consumer.fetch.manager.records.lag.max")
                .meters())
        .isNotEmpty();
  }

  @Test
  void aStoppedListenerShowsAndIsStartedAgain() throws Exception {
    ListenerWatch watch = app.getBean(ListenerWatch.class);
    MeterRegistry meters = app.getBean(MeterRegistry.class);
    awaitTrue(() -> watch.health().getStatus().equals(Status.UP));
    double restartsBefore = meters.counter(ListenerWatch.RESTARTS_METRIC).count();

    app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("recorder").stop();

    awaitTrue(() -> meters.counter(ListenerWatch.RESTARTS_METRIC).count() > restartsBefore);
    awaitTrue(() -> watch.health().getStatus().equals(Status.UP));
    String after = "after-restart-" + UUID.randomUUID();
    send(after);
    awaitTrue(() -> seen.contains(after));
  }

  @Test
  void healthIsDownWhileAListenerIsStopped() throws Exception {
    ListenerWatch watch = app.getBean(ListenerWatch.class);
    var container =
        app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("recorder");
    // the watch's rounds paused, so the stopped listener stays stopped while it is looked at
    watch.stop();
    try {
      container.stop();

      assertThat(watch.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(app.getBean(MeterRegistry.class).get(ListenerWatch.STOPPED_METRIC).gauge().value())
          .isEqualTo(1.0);

      watch.restartStopped();
      awaitTrue(() -> watch.health().getStatus().equals(Status.UP));
    } finally {
      watch.start();
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
