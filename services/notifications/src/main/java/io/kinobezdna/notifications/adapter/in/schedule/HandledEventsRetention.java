package io.kinobezdna.notifications.adapter.in.schedule;

import io.kinobezdna.notifications.application.command.ForgetHandledEventsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the de-duplication ids' retention in the background, on Spring's scheduler. */
public final class HandledEventsRetention {

  private static final Logger log = LoggerFactory.getLogger(HandledEventsRetention.class);

  private final ForgetHandledEventsHandler forget;

  public HandledEventsRetention(ForgetHandledEventsHandler forget) {
    this.forget = forget;
  }

  @Scheduled(
      initialDelayString = "${kb.notifications.retention-sweep-every:1h}",
      fixedDelayString = "${kb.notifications.retention-sweep-every:1h}")
  public void sweep() {
    int forgotten = forget.handle();
    if (forgotten > 0) {
      log.info("notifications: forgot {} handled event ids", forgotten);
    }
  }
}
