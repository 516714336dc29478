package io.kinobezdna.users.application.command;

import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.users.application.Caller;
import java.util.Objects;
import java.util.UUID;

/**
 * Follow ({@code follow = true}) or unfollow another user; a command that cannot be right (no
 * caller, no one to follow, oneself) is refused when it is made, before any handler sees it.
 */
public record ChangeFollow(Caller caller, UUID other, boolean follow) {

  public ChangeFollow {
    Objects.requireNonNull(caller, "caller");
    if (other == null) {
      throw PlatformError.invalidField("userId", "name the user to follow");
    }
    if (caller.userId().equals(other)) {
      throw PlatformError.invalidField("userId", "you cannot follow yourself");
    }
  }
}
