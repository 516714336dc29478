package io.kinobezdna.notifications.adapter.in.kafka;

import io.kinobezdna.notifications.application.command.RecordOrderEventHandler;
import io.kinobezdna.notifications.domain.OrderStatusChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications consumer group on {@value #TOPIC}.
 *
 * <p><b>In order</b>: orders keys every event by its order id, so one order's events sit in one
 * partition in the order they committed; this consumer hands what a poll brought to {@link
 * RecordOrderEventHandler} as one batch in that order, on one thread, and never moves past a batch
 * it could not record (it rewinds every partition of the batch and tries again), so a later status
 * is never recorded before an earlier one.
 *
 * <p><b>Exactly once</b>: the side effects and the event ids of a batch are written in one
 * transaction; the offsets are committed afterwards. A crash in between means the records are
 * delivered again — and then find their ids and change nothing.
 */
public final class OrderEventsListener implements AutoCloseable {

  public static final String TOPIC = "loms.order-events";
  static final String GROUP = "notifications";
  static final String EVENT_ID_HEADER = "event-id";

  private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final RecordOrderEventHandler handler;
  private final JsonMapper json;
  private final Thread worker;
  private volatile boolean running = true;

  public OrderEventsListener(
      String bootstrapServers, RecordOrderEventHandler handler, JsonMapper json) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // only what the outbox relay's transactions committed (it does not use Kafka transactions
    // today; read_committed keeps that safe if it ever does)
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.handler = handler;
    this.json = json;
    this.worker = Thread.ofPlatform().name("order-events").daemon().unstarted(this::consume);
  }

  public void start() {
    worker.start();
  }

  private void consume() {
    try {
      consumer.subscribe(List.of(TOPIC));
      while (running) {
        List<OrderStatusChanged> events = new ArrayList<>();
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          firstOffsets.putIfAbsent(partition, record.offset());
          event(record).ifPresent(events::add);
          done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        if (done.isEmpty()) {
          continue;
        }
        try {
          handler.handle(events);
          consumer.commitSync(done);
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          log.warn("cannot record {} order events, retrying: {}", events.size(), e.toString());
          Set<TopicPartition> assigned = consumer.assignment();
          firstOffsets.forEach(
              (partition, offset) -> {
                if (assigned.contains(partition)) {
                  consumer.seek(partition, offset);
                }
              });
          Thread.sleep(1_000);
        }
      }
    } catch (WakeupException | InterruptedException e) {
      // close() woke the poll: stop
    } catch (RuntimeException e) {
      log.error("order events listener stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /**
   * The event a record carries; empty (and logged) when it cannot be read: skipping beats stalling.
   */
  Optional<OrderStatusChanged> event(ConsumerRecord<String, byte[]> record) {
    try {
      Header id = record.headers().lastHeader(EVENT_ID_HEADER);
      JsonNode body = json.readTree(record.value());
      return Optional.of(
          new OrderStatusChanged(
              UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)),
              body.get("order_id").asLong(),
              UUID.fromString(body.get("user_id").asString()),
              body.get("status").asString(),
              Instant.parse(body.get("moment").asString())));
    } catch (RuntimeException e) {
      log.warn("skipping unreadable order event {}: {}", where(record), e.toString());
      return Optional.empty();
    }
  }

  private static String where(ConsumerRecord<String, byte[]> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    worker.join(5_000);
  }
}
