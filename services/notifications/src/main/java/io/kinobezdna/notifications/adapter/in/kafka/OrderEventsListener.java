package io.kinobezdna.notifications.adapter.in.kafka;

import io.kinobezdna.notifications.application.command.RecordOrderEventHandler;
import io.kinobezdna.notifications.domain.OrderStatusChanged;
import io.kinobezdna.platform.kafka.BatchObservations;
import io.kinobezdna.platform.kafka.UnreadableRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications consumer group on {@value #TOPIC}, a batch listener of Spring for Apache Kafka
 * (containers, retries and the dead-letter topic: platform-kafka).
 *
 * <p><b>In order</b>: orders keys every event by its order id, so one order's events sit in one
 * partition in the order they committed; a poll's records reach {@link RecordOrderEventHandler} as
 * one batch in that order. A batch that cannot be recorded (the database is away) is retried, with
 * backoff, until it can: a later status is never recorded before an earlier one.
 *
 * <p><b>Exactly once</b>: the side effects and the event ids of a batch are written in one
 * transaction; the container commits the offsets afterwards. A crash in between means the records
 * are delivered again — and then find their ids and change nothing.
 *
 * <p><b>Poison</b>: a record that cannot be read goes to the dead-letter topic; the events before
 * it are recorded first, those after it come again in the next batch.
 *
 * <p><b>Traced</b>: each record's receive span joins the trace of the order change that raised it.
 */
public final class OrderEventsListener {

  public static final String TOPIC = "loms.order-events";
  static final String GROUP = "notifications";
  static final String LISTENER_ID = "order-events";
  static final String EVENT_ID_HEADER = "event-id";

  private final RecordOrderEventHandler handler;
  private final JsonMapper json;
  private final BatchObservations observations;

  public OrderEventsListener(
      RecordOrderEventHandler handler, JsonMapper json, BatchObservations observations) {
    this.handler = handler;
    this.json = json;
    this.observations = observations;
  }

  @KafkaListener(id = LISTENER_ID, topics = TOPIC, groupId = GROUP, batch = "true")
  public void onEvents(List<ConsumerRecord<String, byte[]>> records) {
    observations.observe(LISTENER_ID, GROUP, records, () -> record(records));
  }

  private void record(List<ConsumerRecord<String, byte[]>> records) {
    List<OrderStatusChanged> events = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, byte[]> record = records.get(i);
      try {
        events.add(event(record));
      } catch (RuntimeException unreadable) {
        if (!events.isEmpty()) {
          handler.handle(events);
        }
        throw new BatchListenerFailedException(
            "unreadable order event", new UnreadableRecord(record, unreadable), i);
      }
    }
    handler.handle(events);
  }

  /** The event a record carries. */
  OrderStatusChanged event(ConsumerRecord<String, byte[]> record) {
    Header id = record.headers().lastHeader(EVENT_ID_HEADER);
    JsonNode body = json.readTree(record.value());
    return new OrderStatusChanged(
        UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)),
        body.get("order_id").asLong(),
        UUID.fromString(body.get("user_id").asString()),
        body.get("status").asString(),
        Instant.parse(body.get("moment").asString()));
  }
}
