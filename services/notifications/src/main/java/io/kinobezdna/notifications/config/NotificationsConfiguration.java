package io.kinobezdna.notifications.config;

import io.kinobezdna.notifications.adapter.in.kafka.OrderEventsListener;
import io.kinobezdna.notifications.adapter.out.jdbc.JdbcNotificationRepository;
import io.kinobezdna.notifications.application.command.MarkReadHandler;
import io.kinobezdna.notifications.application.command.RecordOrderEventHandler;
import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.notifications.application.query.NotificationQueries;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.web.ServletPlatformSupport;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the notifications use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import(ServletPlatformSupport.class)
public class NotificationsConfiguration {

  @Bean
  JwtVerifier jwtVerifier(
      @Value("${kb.auth.jwks-url}") URI jwksUrl,
      @Value("${kb.auth.audience:kinobezdna}") String audience) {
    return new JwtVerifier(jwksUrl, audience, Duration.ofMinutes(5));
  }

  @Bean
  NotificationRepository notificationRepository(JdbcClient jdbc, TransactionTemplate transactions) {
    return new JdbcNotificationRepository(jdbc, transactions);
  }

  @Bean
  RecordOrderEventHandler recordOrderEventHandler(NotificationRepository notifications) {
    return new RecordOrderEventHandler(notifications);
  }

  @Bean
  MarkReadHandler markReadHandler(NotificationRepository notifications) {
    return new MarkReadHandler(notifications);
  }

  @Bean
  NotificationQueries notificationQueries(NotificationRepository notifications) {
    return new NotificationQueries(notifications);
  }

  @Bean
  @ConditionalOnProperty("kb.kafka.bootstrap-servers")
  OrderEventsListener orderEventsListener(RecordOrderEventHandler handler, JsonMapper json) {
    return new OrderEventsListener(handler, json);
  }
}
