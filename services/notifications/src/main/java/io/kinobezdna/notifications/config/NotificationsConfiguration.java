package io.kinobezdna.notifications.config;

import io.kinobezdna.notifications.adapter.in.kafka.OrderEventsListener;
import io.kinobezdna.notifications.adapter.out.jdbc.JdbcNotificationRepository;
import io.kinobezdna.notifications.application.command.MarkReadHandler;
import io.kinobezdna.notifications.application.command.RecordOrderEventHandler;
import io.kinobezdna.notifications.application.query.CountUnreadHandler;
import io.kinobezdna.notifications.application.query.ListNotificationsHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** Wires the notifications use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({
  JdbcNotificationRepository.class,
  MarkReadHandler.class,
  ListNotificationsHandler.class,
  CountUnreadHandler.class,
  RecordOrderEventHandler.class
})
public class NotificationsConfiguration {

  @Bean
  @ConditionalOnProperty("kb.kafka.bootstrap-servers")
  OrderEventsListener orderEventsListener(RecordOrderEventHandler handler, JsonMapper json) {
    return new OrderEventsListener(handler, json);
  }
}
