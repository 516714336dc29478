package io.kinobezdna.platform.outbox;

import java.util.Map;
import java.util.UUID;

/**
 * An event to publish once the business transaction commits.
 *
 * @param eventId unique id, sent as the {@code event-id} header: consumers de-duplicate by it
 * @param topic Kafka topic
 * @param key Kafka key (the aggregate id): events of one key arrive in the order they committed
 * @param payload the serialized event
 * @param headers extra headers; the writer adds the request id and caller of the current request
 */
public record OutboxMessage(
    UUID eventId, String topic, String key, byte[] payload, Map<String, String> headers) {

  public OutboxMessage {
    if (topic == null || topic.isBlank() || key == null || key.isBlank()) {
      throw new IllegalArgumentException("an outbox message needs a topic and a key");
    }
    headers = Map.copyOf(headers);
  }
}
