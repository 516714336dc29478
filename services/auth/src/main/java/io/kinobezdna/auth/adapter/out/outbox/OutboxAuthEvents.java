package io.kinobezdna.auth.adapter.out.outbox;

import io.kinobezdna.auth.application.port.AuthEvents;
import io.kinobezdna.auth.domain.AuthEvent;
import io.kinobezdna.platform.outbox.OutboxMessage;
import io.kinobezdna.platform.outbox.OutboxWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auth events to Kafka topic {@value #TOPIC} through the outbox, keyed by subject (so one account's
 * events stay in order). JSON: {@code {"event_id", "type", "subject", "at", "client_ip"}}.
 */
public final class OutboxAuthEvents implements AuthEvents {

  public static final String TOPIC = "auth.events.v1";

  private final OutboxWriter outbox;
  private final JsonMapper json;

  public OutboxAuthEvents(OutboxWriter outbox, JsonMapper json) {
    this.outbox = outbox;
    this.json = json;
  }

  @Override
  public void publish(AuthEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event_id", event.eventId().toString());
    body.put("type", event.type().name().toLowerCase(Locale.ROOT));
    body.put("subject", event.subject());
    body.put("at", event.at().toString());
    body.put("client_ip", event.clientIp());
    byte[] payload = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    outbox.append(
        new OutboxMessage(
            event.eventId(),
            TOPIC,
            event.subject(),
            payload,
            Map.of("content-type", "application/json")));
  }
}
