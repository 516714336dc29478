package io.kinobezdna.users.application.query;

import io.kinobezdna.users.application.Problems;
import io.kinobezdna.users.application.port.FollowRepository;
import io.kinobezdna.users.application.port.ProfileRepository;

public final class GetPersonHandler {

  private final ProfileRepository profiles;
  private final FollowRepository follows;

  public GetPersonHandler(ProfileRepository profiles, FollowRepository follows) {
    this.profiles = profiles;
    this.follows = follows;
  }

  public PersonView handle(GetPerson query) {
    var profile =
        profiles.find(query.userId()).orElseThrow(() -> Problems.noSuchUser(query.userId()));
    return new PersonView(profile, follows.between(query.viewer().userId(), query.userId()));
  }
}
