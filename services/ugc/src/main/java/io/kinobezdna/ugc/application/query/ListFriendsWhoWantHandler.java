package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.port.Friends;
import io.kinobezdna.ugc.application.port.Reactions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * "Friends who also want this film": the caller's friends (mutual follows, from users) who have the
 * film on their "want to watch" list — the people to invite to watch it together.
 */
public final class ListFriendsWhoWantHandler {

  private final Friends friends;
  private final Reactions reactions;

  public ListFriendsWhoWantHandler(Friends friends, Reactions reactions) {
    this.friends = friends;
    this.reactions = reactions;
  }

  public List<Friends.Friend> handle(ListFriendsWhoWant query) {
    List<Friends.Friend> all = friends.of(query.caller().userId());
    if (all.isEmpty()) {
      return List.of();
    }
    Set<UUID> wanting =
        new HashSet<>(
            reactions.whoWish(query.filmId(), all.stream().map(Friends.Friend::userId).toList()));
    return all.stream().filter(f -> wanting.contains(f.userId())).toList();
  }
}
