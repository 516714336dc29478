package io.kinobezdna.platform.outbox;

import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.context.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends events to the outbox table in the caller's transaction (through Spring's JdbcClient it
 * joins whatever transaction is active), so an event exists exactly when the state change does.
 *
 * <p>Per-key order is the order of the rows' ids; a service keeps that equal to commit order by
 * locking the aggregate (e.g. {@code select … for update} on the order) before it writes an event
 * for it, which every state change does anyway.
 */
public final class OutboxWriter {

  /**
   * Where the outbox table's Flyway migration lives: a service with an outbox adds it to {@code
   * spring.flyway.locations} next to its own folder.
   */
  public static final String MIGRATIONS = "classpath:db/platform/outbox";

  /** How many relay partitions the outbox has; a key always falls into the same one. */
  public static final int PARTITIONS = 16;

  private final JdbcClient jdbc;

  public OutboxWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static int partitionOf(String key) {
    return Math.floorMod(key.hashCode(), PARTITIONS);
  }

  public void append(OutboxMessage message) {
    Map<String, String> headers = new LinkedHashMap<>(message.headers());
    // The request id and caller travel with the event; the bearer token is never stored.
    RequestContext.current()
        .ifPresent(
            context -> {
              headers.put(ContextPropagation.REQUEST_ID, context.requestId());
              context.callerId().ifPresent(id -> headers.put(ContextPropagation.CALLER_ID, id));
            });
    List<String> names = new ArrayList<>(headers.keySet());
    List<String> values = names.stream().map(headers::get).toList();
    jdbc.sql(
            """
            insert into outbox_event (event_id, topic, message_key, partition, payload, header_names, header_values)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            message.eventId(),
            message.topic(),
            message.key(),
            partitionOf(message.key()),
            message.payload(),
            names.toArray(String[]::new),
            values.toArray(String[]::new))
        .update();
  }
}
