package io.kinobezdna.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Every {@code @KafkaListener} of a service that sets {@code kb.kafka.bootstrap-servers}, set up
 * one way:
 *
 * <ul>
 *   <li>records as {@code String} keys and {@code byte[]} values, read from the earliest offset of
 *       a new group, committed records only ({@code read_committed}), offsets committed by the
 *       container after the listener returned;
 *   <li>a listener that throws is retried with exponential backoff for as long as it takes, its
 *       partition held at the failed record, so nothing is skipped and order holds; an {@link
 *       UnreadableRecord} (or a record the container cannot convert) goes to {@code <topic>.dlt} at
 *       once, with the error in its headers, and the partition moves on;
 *   <li>observation (tracing) on — batch listeners through {@link BatchObservations} — and Kafka's
 *       client metrics in Micrometer — records lag ({@code
 *       kafka.consumer.fetch.manager.records.lag}) among them;
 *   <li>{@link ListenerWatch}: health DOWN and a metric when a listener stops, and a restart.
 * </ul>
 */
@AutoConfiguration
@ConditionalOnProperty("kb.kafka.bootstrap-servers")
@EnableKafka
@EnableConfigurationProperties(KafkaConsumersProperties.class)
public class PlatformKafkaAutoConfiguration {

  /** Where a topic's unreadable records are parked: {@code <topic>.dlt}. */
  public static String deadLetterTopic(String topic) {
    return topic + ".dlt";
  }

  @Bean
  ConsumerFactory<String, byte[]> kafkaConsumerFactory(
      KafkaConsumersProperties kafka, ObjectProvider<MeterRegistry> meters) {
    DefaultKafkaConsumerFactory<String, byte[]> consumers =
        new DefaultKafkaConsumerFactory<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    meters.ifAvailable(
        registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
    return consumers;
  }

  /** What parks unreadable records in their topic's dead-letter topic. */
  @Bean
  KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaConsumersProperties kafka) {
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer()));
  }

  @Bean
  DefaultErrorHandler kafkaErrorHandler(
      KafkaTemplate<String, byte[]> deadLetterTemplate, KafkaConsumersProperties kafka) {
    ExponentialBackOff backOff = new ExponentialBackOff(kafka.retryInitial().toMillis(), 2.0);
    backOff.setMaxInterval(kafka.retryMax().toMillis());
    DefaultErrorHandler errors =
        new DefaultErrorHandler(
            new DeadLetterPublishingRecoverer(
                deadLetterTemplate,
                // any partition: the dead-letter topic need not have as many as the topic
                (record, failure) -> new TopicPartition(deadLetterTopic(record.topic()), -1)),
            backOff);
    errors.addNotRetryableExceptions(UnreadableRecord.class);
    return errors;
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
      ConsumerFactory<String, byte[]> kafkaConsumerFactory,
      DefaultErrorHandler kafkaErrorHandler,
      ObjectProvider<ObservationRegistry> observations) {
    ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(kafkaConsumerFactory);
    factory.setCommonErrorHandler(kafkaErrorHandler);
    factory.getContainerProperties().setObservationEnabled(true);
    observations.ifAvailable(
        registry -> factory.getContainerProperties().setObservationRegistry(registry));
    return factory;
  }

  @Bean
  BatchObservations kafkaBatchObservations(ObjectProvider<ObservationRegistry> observations) {
    return new BatchObservations(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  /** Health component {@code kafkaListeners}. */
  @Bean
  ListenerWatch kafkaListenersHealthIndicator(
      @Qualifier(KafkaListenerConfigUtils.KAFKA_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME)
          KafkaListenerEndpointRegistry registry,
      KafkaConsumersProperties kafka,
      ObjectProvider<MeterRegistry> meters) {
    return new ListenerWatch(
        registry, kafka.restartCheckInterval(), meters.getIfAvailable(SimpleMeterRegistry::new));
  }
}
