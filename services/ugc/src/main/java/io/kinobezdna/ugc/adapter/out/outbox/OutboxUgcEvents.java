package io.kinobezdna.ugc.adapter.out.outbox;

import io.kinobezdna.platform.outbox.OutboxMessage;
import io.kinobezdna.platform.outbox.OutboxWriter;
import io.kinobezdna.ugc.application.port.UgcEvents;
import io.kinobezdna.ugc.domain.UgcEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * UGC events to Kafka topic {@value #TOPIC} through the outbox, keyed by film (one film's events
 * stay in order). JSON: {@code {"event_id", "type", "user_id", "film_id", "moment", "like_count",
 * "rating_count", "rating_sum", "average_rating", "version"}} plus {@code score} (rated) or {@code
 * position_seconds} (progress).
 */
public final class OutboxUgcEvents implements UgcEvents {

  public static final String TOPIC = "ugc.events.v1";

  private final OutboxWriter outbox;
  private final JsonMapper json;

  public OutboxUgcEvents(OutboxWriter outbox, JsonMapper json) {
    this.outbox = outbox;
    this.json = json;
  }

  @Override
  public void publish(UgcEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event_id", event.eventId().toString());
    body.put("type", event.type().name().toLowerCase(Locale.ROOT));
    body.put("user_id", event.userId().toString());
    body.put("film_id", event.filmId().toString());
    body.put("moment", event.moment().toString());
    body.put("like_count", event.totals().likeCount());
    body.put("rating_count", event.totals().ratingCount());
    body.put("rating_sum", event.totals().ratingSum());
    body.put("average_rating", event.totals().averageRating());
    body.put("version", event.totals().version());
    if (event.score() != null) {
      body.put("score", event.score());
    }
    if (event.positionSeconds() != null) {
      body.put("position_seconds", event.positionSeconds());
    }
    outbox.append(
        new OutboxMessage(
            event.eventId(),
            TOPIC,
            event.filmId().toString(),
            json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8),
            Map.of("content-type", "application/json")));
  }
}
