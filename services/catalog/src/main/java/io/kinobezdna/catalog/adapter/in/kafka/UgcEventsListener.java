package io.kinobezdna.catalog.adapter.in.kafka;

import io.kinobezdna.catalog.application.command.RecordReception;
import io.kinobezdna.catalog.application.command.RecordReceptionHandler;
import io.kinobezdna.catalog.domain.Reception;
import io.kinobezdna.platform.kafka.UnreadableRecord;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@value #TOPIC} (UGC's events, keyed by film) and keeps each film's reception up to date, a
 * record listener of Spring for Apache Kafka (containers, retries and the dead-letter topic:
 * platform-kafka). Offsets are committed after a record is applied, so a crash replays events,
 * which the versioned update makes harmless. A record that cannot be read goes to the dead-letter
 * topic: one bad event must not stop every later one. A record that cannot be applied (the database
 * is away) is retried, with backoff, until it can.
 */
public final class UgcEventsListener {

  public static final String TOPIC = "ugc.events.v1";
  static final String GROUP = "catalog-reception";

  private final RecordReceptionHandler handler;
  private final JsonMapper json;

  public UgcEventsListener(RecordReceptionHandler handler, JsonMapper json) {
    this.handler = handler;
    this.json = json;
  }

  @KafkaListener(id = "ugc-events", topics = TOPIC, groupId = GROUP)
  public void onEvent(ConsumerRecord<String, byte[]> record) {
    handler.handle(reception(record));
  }

  /** The totals an event carries. */
  RecordReception reception(ConsumerRecord<String, byte[]> record) {
    try {
      JsonNode event = json.readTree(record.value());
      return new RecordReception(
          UUID.fromString(event.get("film_id").asString()),
          new Reception(
              event.get("average_rating").asDouble(),
              event.get("rating_count").asLong(),
              event.get("like_count").asLong()),
          event.get("version").asLong());
    } catch (RuntimeException e) {
      throw new UnreadableRecord(record, e);
    }
  }
}
