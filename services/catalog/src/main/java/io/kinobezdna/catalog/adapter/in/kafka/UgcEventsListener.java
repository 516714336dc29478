package io.kinobezdna.catalog.adapter.in.kafka;

import io.kinobezdna.catalog.application.command.RecordReception;
import io.kinobezdna.catalog.application.command.RecordReceptionHandler;
import io.kinobezdna.catalog.domain.Reception;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@value #TOPIC} (UGC's events, keyed by film) and keeps each film's reception up to date.
 * One thread polls; offsets are committed after a batch is applied, so a crash replays events,
 * which the versioned update makes harmless. A record that cannot be read is logged and skipped:
 * one bad event must not stop every later one. A record that cannot be applied (the database is
 * away) is not skipped: its partition is rewound to it and tried again a second later.
 */
public final class UgcEventsListener implements AutoCloseable {

  public static final String TOPIC = "ugc.events.v1";
  static final String GROUP = "catalog-reception";

  private static final Logger log = LoggerFactory.getLogger(UgcEventsListener.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final RecordReceptionHandler handler;
  private final JsonMapper json;
  private final Thread worker;
  private volatile boolean running = true;

  public UgcEventsListener(
      String bootstrapServers, RecordReceptionHandler handler, JsonMapper json) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    this.handler = handler;
    this.json = json;
    this.worker = Thread.ofPlatform().name("ugc-events").daemon().unstarted(this::run);
  }

  public void start() {
    worker.start();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(TOPIC));
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
        boolean failed = false;
        for (TopicPartition partition : records.partitions()) {
          for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
            try {
              reception(record).ifPresent(handler::handle);
            } catch (RuntimeException e) {
              log.warn("cannot apply ugc event, retrying: {}", e.toString());
              consumer.seek(partition, record.offset());
              failed = true;
              break;
            }
          }
        }
        if (!records.isEmpty()) {
          consumer.commitSync(); // the positions: past what was applied, at what was rewound
        }
        if (failed) {
          Thread.sleep(1_000);
        }
      }
    } catch (WakeupException | InterruptedException e) {
      // close() woke the poll: stop
    } catch (RuntimeException e) {
      log.error("ugc events listener stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** The totals an event carries; empty (and logged) when it cannot be read. */
  Optional<RecordReception> reception(ConsumerRecord<String, byte[]> record) {
    try {
      JsonNode event = json.readTree(record.value());
      return Optional.of(
          new RecordReception(
              UUID.fromString(event.get("film_id").asString()),
              new Reception(
                  event.get("average_rating").asDouble(),
                  event.get("rating_count").asLong(),
                  event.get("like_count").asLong()),
              event.get("version").asLong()));
    } catch (RuntimeException e) {
      log.warn(
          "skipping unreadable ugc event at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return Optional.empty();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    worker.join(5_000);
  }
}
