package io.kinobezdna.platform.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Reads a topic from its beginning, with a Spring for Apache Kafka listener container of its own,
 * until the record a test waits for is there.
 */
public final class TopicReader {

  private TopicReader() {}

  /** The first record of {@code topic} that is {@code wanted}; fails after {@code timeout}. */
  public static ConsumerRecord<String, byte[]> awaitRecord(
      String bootstrapServers,
      String topic,
      Predicate<ConsumerRecord<String, byte[]>> wanted,
      Duration timeout)
      throws InterruptedException {
    BlockingQueue<ConsumerRecord<String, byte[]>> arrived = new LinkedBlockingQueue<>();
    ContainerProperties properties = new ContainerProperties(topic);
    properties.setGroupId("test-reader-" + UUID.randomUUID());
    properties.setMessageListener((MessageListener<String, byte[]>) arrived::add);
    KafkaMessageListenerContainer<String, byte[]> container =
        new KafkaMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<>(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer()),
            properties);
    container.start();
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
        ConsumerRecord<String, byte[]> record = arrived.poll(left, TimeUnit.NANOSECONDS);
        if (record != null && wanted.test(record)) {
          return record;
        }
      }
    } finally {
      container.stop();
    }
    throw new AssertionError("no such record in " + topic + " within " + timeout);
  }
}
