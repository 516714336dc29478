package io.kinobezdna.orders.adapter.out.outbox;

import io.kinobezdna.orders.application.port.OrderEvents;
import io.kinobezdna.orders.domain.OrderEvent;
import io.kinobezdna.platform.outbox.OutboxMessage;
import io.kinobezdna.platform.outbox.OutboxWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order status changes to Kafka topic {@value #TOPIC} (the Route256 name) through the outbox, keyed
 * by order id so one order's events stay in order. JSON {@code {"order_id", "status", "moment"}} as
 * LOMS sends it, plus {@code user_id} (whom notifications tell); the event id travels in the {@code
 * event-id} header.
 */
public final class OutboxOrderEvents implements OrderEvents {

  public static final String TOPIC = "loms.order-events";

  private final OutboxWriter outbox;
  private final JsonMapper json;

  public OutboxOrderEvents(OutboxWriter outbox, JsonMapper json) {
    this.outbox = outbox;
    this.json = json;
  }

  @Override
  public void publish(List<OrderEvent> events) {
    outbox.append(events.stream().map(this::message).toList());
  }

  private OutboxMessage message(OrderEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("order_id", event.orderId());
    body.put("status", event.status().label());
    body.put("moment", event.moment().toString());
    body.put("user_id", event.userId().toString());
    return new OutboxMessage(
        event.eventId(),
        TOPIC,
        Long.toString(event.orderId()),
        json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8),
        Map.of("content-type", "application/json"));
  }
}
