package io.kinobezdna.users.application.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.users.application.Caller;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The command checks itself: a handler never sees one that cannot be right. */
class ChangeFollowTest {

  private final Caller ann = new Caller(UUID.randomUUID(), "Ann", false, false);

  @Test
  void followingSomeoneElseIsACommand() {
    UUID bob = UUID.randomUUID();
    assertThat(new ChangeFollow(ann, bob, true).other()).isEqualTo(bob);
  }

  @Test
  void followingOneselfIsRefusedAsAnInvalidField() {
    assertThatThrownBy(() -> new ChangeFollow(ann, ann.userId(), true))
        .isInstanceOfSatisfying(
            PlatformError.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
              assertThat(e.violations()).singleElement().extracting("field").isEqualTo("userId");
            });
  }

  @Test
  void aCommandNamesWhomToFollow() {
    assertThatThrownBy(() -> new ChangeFollow(ann, null, false)).isInstanceOf(PlatformError.class);
  }
}
