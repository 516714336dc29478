package io.kinobezdna.users.application.port;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.Relationship;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public interface FollowRepository {

  /** Idempotent: following twice is following. */
  void follow(UUID follower, UUID followee, Instant at);

  void unfollow(UUID follower, UUID followee);

  Relationship between(UUID viewer, UUID other);

  /**
   * The viewer's relationship with each of the others, in one query (a page of people asks once,
   * not once per person); no entry for someone the viewer has no relationship with.
   */
  Map<UUID, Relationship> between(UUID viewer, Collection<UUID> others);

  /** Profiles of the users the given user follows, by name. */
  List<Profile> following(UUID userId, Page.Cursor after, int limit);

  List<Profile> followers(UUID userId, Page.Cursor after, int limit);

  /** Mutual follows. */
  List<Profile> friends(UUID userId, Page.Cursor after, int limit);
}
