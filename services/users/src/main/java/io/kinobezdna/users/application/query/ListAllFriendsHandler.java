package io.kinobezdna.users.application.query;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.application.port.FollowRepository;
import io.kinobezdna.users.domain.Profile;
import java.util.List;

/**
 * One query for a whole friend list (by name), bounded: a service asking for it does one call
 * instead of a page of a hundred at a time.
 */
public final class ListAllFriendsHandler {

  /** The most friends one answer carries. */
  public static final int MAX_FRIENDS = 5_000;

  /** The friends, the first {@link #MAX_FRIENDS} by name; {@code truncated} when there are more. */
  public record AllFriends(List<Profile> friends, boolean truncated) {}

  private final FollowRepository follows;

  public ListAllFriendsHandler(FollowRepository follows) {
    this.follows = follows;
  }

  public AllFriends handle(ListAllFriends query) {
    List<Profile> found = follows.friends(query.userId(), Page.Cursor.START, MAX_FRIENDS + 1);
    return found.size() > MAX_FRIENDS
        ? new AllFriends(found.subList(0, MAX_FRIENDS), true)
        : new AllFriends(found, false);
  }
}
