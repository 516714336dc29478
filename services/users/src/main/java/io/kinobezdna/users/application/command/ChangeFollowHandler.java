package io.kinobezdna.users.application.command;

import io.kinobezdna.users.application.Problems;
import io.kinobezdna.users.application.port.FollowRepository;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.domain.Relationship;
import java.time.Clock;

/** Both directions are idempotent: following twice or unfollowing a stranger changes nothing. */
public final class ChangeFollowHandler {

  private final ProfileRepository profiles;
  private final FollowRepository follows;
  private final Clock clock;

  public ChangeFollowHandler(ProfileRepository profiles, FollowRepository follows, Clock clock) {
    this.profiles = profiles;
    this.follows = follows;
    this.clock = clock;
  }

  public Relationship handle(ChangeFollow command) {
    if (profiles.find(command.other()).isEmpty()) {
      throw Problems.noSuchUser(command.other());
    }
    if (command.follow()) {
      follows.follow(command.caller().userId(), command.other(), clock.instant());
    } else {
      follows.unfollow(command.caller().userId(), command.other());
    }
    return follows.between(command.caller().userId(), command.other());
  }
}
