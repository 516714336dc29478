package io.kinobezdna.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinobezdna.notifications.application.command.MarkRead;
import io.kinobezdna.notifications.application.query.ListNotifications;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Commands and queries check themselves: a handler never sees one that cannot be right. */
class NotificationRequestsTest {

  private final UUID user = UUID.randomUUID();

  @Test
  void aPageHoldsOneToAHundredNotifications() {
    assertThat(new ListNotifications(user, 0, 0).limit()).isEqualTo(1);
    assertThat(new ListNotifications(user, 0, 20).limit()).isEqualTo(20);
    assertThat(new ListNotifications(user, 0, 10_000).limit())
        .isEqualTo(ListNotifications.MAX_LIMIT);
  }

  @Test
  void aNegativeCursorIsAnInvalidField() {
    assertThatThrownBy(() -> new ListNotifications(user, -1, 20))
        .isInstanceOfSatisfying(
            PlatformError.class,
            e ->
                assertThat(e.violations()).singleElement().extracting("field").isEqualTo("before"));
  }

  @Test
  void onlyANotificationIdCanBeMarkedReadUpTo() {
    assertThat(new MarkRead(user, 7).upToId()).isEqualTo(7);
    assertThatThrownBy(() -> new MarkRead(user, 0))
        .isInstanceOfSatisfying(
            PlatformError.class,
            e ->
                assertThat(e.violations()).singleElement().extracting("field").isEqualTo("upToId"));
  }
}
