package io.kinobezdna.ugc.application.query;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.application.port.Friends;
import io.kinobezdna.ugc.application.port.Profiles;
import io.kinobezdna.ugc.application.port.Reactions;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who liked a film, the caller's friends first, page by page, with their names. */
public final class ListWhoLikedHandler {

  /** One liker as the film page lists them. */
  public record Liker(UUID userId, String displayName, boolean friend, Instant likedAt) {}

  private final Friends friends;
  private final Profiles profiles;
  private final Reactions reactions;

  public ListWhoLikedHandler(Friends friends, Profiles profiles, Reactions reactions) {
    this.friends = friends;
    this.profiles = profiles;
    this.reactions = reactions;
  }

  public Page<Liker> handle(ListWhoLiked query) {
    Page.Cursor after = Page.cursor(query.cursor());
    int size = Page.size(query.limit());
    Map<UUID, String> friendNames =
        friends.of(query.caller().userId()).stream()
            .collect(
                Collectors.toMap(Friends.Friend::userId, Friends.Friend::displayName, (a, b) -> a));
    Page<Reactions.Liker> page =
        reactions.likers(query.filmId(), friendNames.keySet(), after, size);
    Map<UUID, String> otherNames =
        profiles.displayNames(
            page.items().stream().filter(l -> !l.friend()).map(Reactions.Liker::userId).toList());
    Function<Reactions.Liker, String> name =
        l -> l.friend() ? friendNames.get(l.userId()) : otherNames.getOrDefault(l.userId(), "");
    return new Page<>(
        page.items().stream()
            .map(l -> new Liker(l.userId(), name.apply(l), l.friend(), l.likedAt()))
            .toList(),
        page.nextCursor());
  }
}
