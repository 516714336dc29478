package io.kinobezdna.notifications.application.command;

import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.platform.tx.Batches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets handled event ids older than {@code keep}, in batches: the exactly-once guard only has to
 * outlast any redelivery, and without this the table would grow with every event. Safe on several
 * instances at once.
 */
public final class ForgetHandledEventsHandler {

  static final int BATCH = 1_000;

  private final NotificationRepository notifications;
  private final Clock clock;
  private final Duration keep;

  public ForgetHandledEventsHandler(
      NotificationRepository notifications, Clock clock, Duration keep) {
    this.notifications = notifications;
    this.clock = clock;
    this.keep = keep;
  }

  /** How many ids were forgotten. */
  public int handle() {
    Instant cutoff = clock.instant().minus(keep);
    return Batches.untilShort(
        BATCH, limit -> notifications.forgetHandledEventsBefore(cutoff, limit));
  }
}
