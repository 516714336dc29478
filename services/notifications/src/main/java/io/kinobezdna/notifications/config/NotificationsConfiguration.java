package io.kinobezdna.notifications.config;

import io.kinobezdna.notifications.adapter.in.kafka.OrderEventsListener;
import io.kinobezdna.notifications.adapter.in.schedule.HandledEventsRetention;
import io.kinobezdna.notifications.adapter.out.jdbc.JdbcNotificationRepository;
import io.kinobezdna.notifications.application.command.ForgetHandledEventsHandler;
import io.kinobezdna.notifications.application.command.MarkReadHandler;
import io.kinobezdna.notifications.application.command.RecordOrderEventHandler;
import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.notifications.application.query.CountUnreadHandler;
import io.kinobezdna.notifications.application.query.ListNotificationsHandler;
import io.kinobezdna.platform.kafka.BatchObservations;
import io.kinobezdna.platform.tx.Retention;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/** Wires the notifications use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import({
  HandledEventsRetention.class,
  JdbcNotificationRepository.class,
  MarkReadHandler.class,
  ListNotificationsHandler.class,
  CountUnreadHandler.class,
  RecordOrderEventHandler.class
})
public class NotificationsConfiguration {

  @Bean
  @ConditionalOnProperty("kb.kafka.bootstrap-servers")
  OrderEventsListener orderEventsListener(
      RecordOrderEventHandler handler, JsonMapper json, BatchObservations observations) {
    return new OrderEventsListener(handler, json, observations);
  }

  @Bean
  ForgetHandledEventsHandler forgetHandledEventsHandler(
      NotificationRepository notifications,
      Clock clock,
      @Value("${kb.notifications.keep-handled-events:30d}") Duration keep) {
    return new ForgetHandledEventsHandler(notifications, new Retention(clock, keep));
  }
}
