package io.kinobezdna.notifications.adapter.out.jdbc;

import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.notifications.domain.Notification;
import io.kinobezdna.notifications.domain.OrderStatusChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Notifications and the handled-event guard in plain SQL. */
public final class JdbcNotificationRepository implements NotificationRepository {

  private static final Logger log = LoggerFactory.getLogger(JdbcNotificationRepository.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public JdbcNotificationRepository(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public List<OrderStatusChanged> recordOnce(List<OrderStatusChanged> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<OrderStatusChanged> fresh =
        transactions.execute(
            status -> {
              Set<UUID> claimed =
                  new HashSet<>(
                      jdbc.sql(
                              """
                              insert into handled_events (event_id)
                              select unnest(cast(:ids as uuid[]))
                              on conflict (event_id) do nothing returning event_id
                              """)
                          .param("ids", column(events, e -> e.eventId().toString()))
                          .query(UUID.class)
                          .list());
              // in delivery order; an event delivered twice in one batch counts once
              List<OrderStatusChanged> first =
                  events.stream().filter(e -> claimed.remove(e.eventId())).toList();
              if (!first.isEmpty()) {
                jdbc.sql(
                        """
                        insert into notifications (user_id, order_id, status, text, moment)
                        select user_id, order_id, status, text, moment
                        from unnest(cast(:users as uuid[]), cast(:orders as bigint[]),
                                    cast(:statuses as text[]), cast(:texts as text[]),
                                    cast(:moments as timestamptz[]))
                             with ordinality as e(user_id, order_id, status, text, moment, n)
                        order by n
                        """)
                    .param("users", column(first, e -> e.userId().toString()))
                    .param("orders", first.stream().map(e -> e.orderId()).toArray(Long[]::new))
                    .param("statuses", column(first, OrderStatusChanged::status))
                    .param("texts", column(first, OrderStatusChanged::text))
                    .param("moments", column(first, e -> e.moment().toString()))
                    .update();
              }
              return first;
            });
    // after the commit: a line for every notification that exists, none for a rolled-back one
    fresh.forEach(event -> log.info("{}", event.text()));
    return fresh;
  }

  private static String[] column(
      List<OrderStatusChanged> events, Function<OrderStatusChanged, String> value) {
    return events.stream().map(value).toArray(String[]::new);
  }

  @Override
  public List<Notification> list(UUID userId, long beforeId, int limit) {
    return jdbc.sql(
            """
            select id, user_id, order_id, status, text, moment, read from notifications
            where user_id = :user and (:before = 0 or id < :before) order by id desc limit :limit
            """)
        .param("user", userId)
        .param("before", beforeId)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Notification(
                    rs.getLong("id"),
                    rs.getObject("user_id", UUID.class),
                    rs.getLong("order_id"),
                    rs.getString("status"),
                    rs.getString("text"),
                    rs.getTimestamp("moment").toInstant(),
                    rs.getBoolean("read")))
        .list();
  }

  @Override
  public long unreadCount(UUID userId) {
    return jdbc.sql("select count(*) from notifications where user_id = :user and not read")
        .param("user", userId)
        .query(Long.class)
        .single();
  }

  @Override
  public int markRead(UUID userId, long upToId) {
    return jdbc.sql(
            "update notifications set read = true where user_id = :user and id <= :upTo and not read")
        .param("user", userId)
        .param("upTo", upToId)
        .update();
  }

  @Override
  public int forgetHandledEventsBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            "delete from handled_events where event_id in (select event_id from handled_events"
                + " where handled_at < ? order by handled_at limit ? for update skip locked)")
        .params(Timestamp.from(cutoff), limit)
        .update();
  }
}
