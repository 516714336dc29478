package io.kinobezdna.platform.outbox;

import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.context.RequestContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.Collections;
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

  private static final int COLUMNS = 7;
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final Tracer tracer;
  private final Propagator propagator;

  /** A writer that stores no trace context. */
  public OutboxWriter(JdbcClient jdbc) {
    this(jdbc, Tracer.NOOP, Propagator.NOOP);
  }

  public OutboxWriter(JdbcClient jdbc, Tracer tracer, Propagator propagator) {
    this.jdbc = jdbc;
    this.tracer = tracer;
    this.propagator = propagator;
  }

  public static int partitionOf(String key) {
    return Math.floorMod(key.hashCode(), PARTITIONS);
  }

  public void append(OutboxMessage message) {
    append(List.of(message));
  }

  /**
   * Appends the messages in this order (their rows' ids follow it) with one statement: a change
   * that raises several events costs one round trip, not one per event.
   */
  public void append(List<OutboxMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    Map<String, String> context = new LinkedHashMap<>();
    // The request id and caller travel with the event; the bearer token is never stored.
    RequestContext.current()
        .ifPresent(
            current -> {
              context.put(ContextPropagation.REQUEST_ID, current.requestId());
              current.callerId().ifPresent(id -> context.put(ContextPropagation.CALLER_ID, id));
            });
    Span span = tracer.currentSpan();
    if (span != null) {
      propagator.inject(span.context(), context, Map::put);
    }
    List<Object> params = new ArrayList<>(messages.size() * COLUMNS);
    for (OutboxMessage message : messages) {
      Map<String, String> headers = new LinkedHashMap<>(message.headers());
      headers.putAll(context);
      List<String> names = new ArrayList<>(headers.keySet());
      params.add(message.eventId());
      params.add(message.topic());
      params.add(message.key());
      params.add(partitionOf(message.key()));
      params.add(message.payload());
      params.add(names.toArray(String[]::new));
      params.add(names.stream().map(headers::get).toArray(String[]::new));
    }
    jdbc.sql(
            "insert into outbox_event"
                + " (event_id, topic, message_key, partition, payload, header_names, header_values)"
                + " values "
                + String.join(", ", Collections.nCopies(messages.size(), ROW)))
        .params(params)
        .update();
  }
}
