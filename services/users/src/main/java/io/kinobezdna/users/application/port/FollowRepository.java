package io.kinobezdna.users.application.port;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.Relationship;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface FollowRepository {

  /** Idempotent: following twice is following. */
  void follow(UUID follower, UUID followee, Instant at);

  void unfollow(UUID follower, UUID followee);

  Relationship between(UUID viewer, UUID other);

  /** Profiles of the users the given user follows, by name. */
  List<Profile> following(UUID userId, Page.Cursor after, int limit);

  List<Profile> followers(UUID userId, Page.Cursor after, int limit);

  /** Mutual follows. */
  List<Profile> friends(UUID userId, Page.Cursor after, int limit);
}
