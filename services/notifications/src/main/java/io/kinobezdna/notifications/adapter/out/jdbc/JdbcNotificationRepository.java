package io.kinobezdna.notifications.adapter.out.jdbc;

import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.notifications.domain.Notification;
import io.kinobezdna.notifications.domain.OrderStatusChanged;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
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
  public boolean recordOnce(OrderStatusChanged event) {
    Boolean fresh =
        transactions.execute(
            status -> {
              int claimed =
                  jdbc.sql(
                          "insert into handled_events (event_id) values (:id)"
                              + " on conflict (event_id) do nothing")
                      .param("id", event.eventId())
                      .update();
              if (claimed == 0) {
                return false;
              }
              jdbc.sql(
                      """
                      insert into notifications (user_id, order_id, status, text, moment)
                      values (:user, :order, :status, :text, :moment)
                      """)
                  .param("user", event.userId())
                  .param("order", event.orderId())
                  .param("status", event.status())
                  .param("text", event.text())
                  .param("moment", Timestamp.from(event.moment()))
                  .update();
              return true;
            });
    if (Boolean.TRUE.equals(fresh)) {
      // after the commit: a line for every notification that exists, none for a rolled-back one
      log.info("{}", event.text());
      return true;
    }
    return false;
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
}
