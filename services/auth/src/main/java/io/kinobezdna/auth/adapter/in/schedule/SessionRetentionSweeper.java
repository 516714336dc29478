package io.kinobezdna.auth.adapter.in.schedule;

import io.kinobezdna.auth.application.command.PurgeExpiredSessionsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the refresh-token retention in the background, on Spring's scheduler. */
public final class SessionRetentionSweeper {

  private static final Logger log = LoggerFactory.getLogger(SessionRetentionSweeper.class);

  private final PurgeExpiredSessionsHandler purge;

  public SessionRetentionSweeper(PurgeExpiredSessionsHandler purge) {
    this.purge = purge;
  }

  @Scheduled(
      initialDelayString = "${kb.auth.retention.sweep-every:1h}",
      fixedDelayString = "${kb.auth.retention.sweep-every:1h}")
  public void sweep() {
    int deleted = purge.handle();
    if (deleted > 0) {
      log.info("auth: deleted {} expired refresh tokens", deleted);
    }
  }
}
