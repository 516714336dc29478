package io.kinobezdna.ugc.application.port;

import io.kinobezdna.platform.paging.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A viewer's likes, ratings and "want to watch" marks, one per viewer and film each. */
public interface Reactions {

  /** Sets or clears a like; true when that changed something. */
  boolean setLike(UUID userId, UUID filmId, boolean liked, Instant at);

  /** The score before this change (empty if there was none); null score clears the rating. */
  Optional<Integer> setScore(UUID userId, UUID filmId, Integer score, Instant at);

  /** Sets or clears "want to watch"; true when that changed something. */
  boolean setWish(UUID userId, UUID filmId, boolean wanted, Instant at);

  boolean likes(UUID userId, UUID filmId);

  Optional<Integer> score(UUID userId, UUID filmId);

  boolean wishes(UUID userId, UUID filmId);

  /** A wish-list entry: which film, since when. */
  record Wish(UUID filmId, Instant addedAt) {}

  /** The viewer's list, latest first. */
  Page<Wish> wishlist(UUID userId, Page.Cursor after, int limit);

  /** Someone who likes a film, since when, and whether they are a friend of the asking viewer. */
  record Liker(UUID userId, Instant likedAt, boolean friend) {}

  /** Who likes the film: the given friends first, then everyone else; newest first in each. */
  Page<Liker> likers(UUID filmId, Collection<UUID> friends, Page.Cursor after, int limit);

  /** Which of these users want the film. */
  List<UUID> whoWish(UUID filmId, Collection<UUID> userIds);
}
