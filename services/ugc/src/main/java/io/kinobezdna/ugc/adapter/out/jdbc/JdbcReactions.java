package io.kinobezdna.ugc.adapter.out.jdbc;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.application.port.Reactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Likes, ratings and wishes in PostgreSQL; writes join the caller's transaction. */
public final class JdbcReactions implements Reactions {

  private final JdbcClient jdbc;

  public JdbcReactions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean setLike(UUID userId, UUID filmId, boolean liked, Instant at) {
    return toggle("likes", "created_at", userId, filmId, liked, at);
  }

  @Override
  public boolean setWish(UUID userId, UUID filmId, boolean wanted, Instant at) {
    return toggle("wishes", "added_at", userId, filmId, wanted, at);
  }

  /** Inserts or deletes the (user, film) row; true when a row was inserted or deleted. */
  private boolean toggle(
      String table, String timeColumn, UUID userId, UUID filmId, boolean on, Instant at) {
    String sql =
        on
            ? "insert into "
                + table
                + " (user_id, film_id, "
                + timeColumn
                + ") values (?, ?, ?)"
                + " on conflict do nothing"
            : "delete from " + table + " where user_id = ? and film_id = ?";
    JdbcClient.StatementSpec statement = jdbc.sql(sql).param(userId).param(filmId);
    if (on) {
      statement = statement.param(Timestamp.from(at));
    }
    return statement.update() == 1;
  }

  @Override
  public Optional<Integer> setScore(UUID userId, UUID filmId, Integer score, Instant at) {
    Optional<Integer> before =
        jdbc.sql("select score from ratings where user_id = ? and film_id = ? for update")
            .params(userId, filmId)
            .query(Integer.class)
            .optional();
    if (score == null) {
      jdbc.sql("delete from ratings where user_id = ? and film_id = ?")
          .params(userId, filmId)
          .update();
    } else if (!before.equals(Optional.of(score))) {
      jdbc.sql(
              """
              insert into ratings (user_id, film_id, score, updated_at) values (?, ?, ?, ?)
              on conflict (user_id, film_id) do update
                set score = excluded.score, updated_at = excluded.updated_at
              """)
          .params(userId, filmId, score, Timestamp.from(at))
          .update();
    }
    return before;
  }

  @Override
  public boolean likes(UUID userId, UUID filmId) {
    return exists("likes", userId, filmId);
  }

  @Override
  public boolean wishes(UUID userId, UUID filmId) {
    return exists("wishes", userId, filmId);
  }

  private boolean exists(String table, UUID userId, UUID filmId) {
    return jdbc.sql("select exists (select 1 from " + table + " where user_id = ? and film_id = ?)")
        .params(userId, filmId)
        .query(Boolean.class)
        .single();
  }

  @Override
  public Optional<Integer> score(UUID userId, UUID filmId) {
    return jdbc.sql("select score from ratings where user_id = ? and film_id = ?")
        .params(userId, filmId)
        .query(Integer.class)
        .optional();
  }

  @Override
  public Page<Wish> wishlist(UUID userId, Page.Cursor after, int limit) {
    boolean first = after.equals(Page.Cursor.START);
    List<Wish> rows =
        jdbc.sql(
                "select film_id, added_at from wishes where user_id = ?"
                    + (first ? "" : " and (added_at, film_id) < (?, ?)")
                    + " order by added_at desc, film_id desc limit ?")
            .params(
                first
                    ? List.of(userId, limit + 1)
                    : List.of(
                        userId,
                        Timestamp.from(Page.Cursor.instant(after.sortKey())),
                        Page.Cursor.uuid(after.id()),
                        limit + 1))
            .query(
                (rs, n) ->
                    new Wish(
                        rs.getObject("film_id", UUID.class),
                        rs.getTimestamp("added_at").toInstant()))
            .list();
    return Page.fromRows(
        rows, limit, w -> new Page.Cursor(w.addedAt().toString(), w.filmId().toString()));
  }

  @Override
  public List<UUID> whoWish(UUID filmId, Collection<UUID> userIds) {
    return jdbc.sql("select user_id from wishes where film_id = ? and user_id = any(?)")
        .params(filmId, userIds.toArray(UUID[]::new))
        .query(UUID.class)
        .list();
  }

  /** Cursor keys of the two parts of the likers list: friends, then the others. */
  private static final String FRIENDS_PART = "f:";

  private static final String OTHERS_PART = "o:";

  @Override
  public Page<Liker> likers(UUID filmId, Collection<UUID> friends, Page.Cursor after, int limit) {
    // Two keyset walks on (film, liked at, user): friends' likes (a short list, by primary key),
    // then everyone else's through likes_film_latest; the cursor says which part it stopped in.
    String[] friendIds = friends.stream().map(UUID::toString).toArray(String[]::new);
    boolean start = after.equals(Page.Cursor.START);
    boolean inOthers = !start && after.sortKey().startsWith(OTHERS_PART);
    if (!start && !inOthers && !after.sortKey().startsWith(FRIENDS_PART)) {
      throw Page.Cursor.forged();
    }
    List<Liker> rows = new ArrayList<>();
    if (!inOthers && friendIds.length > 0) {
      rows.addAll(likers(filmId, friendIds, true, start ? null : after, limit + 1));
    }
    if (rows.size() <= limit) {
      rows.addAll(
          likers(filmId, friendIds, false, inOthers ? after : null, limit + 1 - rows.size()));
    }
    return Page.fromRows(
        rows,
        limit,
        l ->
            new Page.Cursor(
                (l.friend() ? FRIENDS_PART : OTHERS_PART) + l.likedAt(), l.userId().toString()));
  }

  private List<Liker> likers(
      UUID filmId, String[] friendIds, boolean friends, Page.Cursor after, int limit) {
    List<Object> params = new ArrayList<>(List.of(filmId, friendIds));
    StringBuilder sql =
        new StringBuilder("select user_id, created_at from likes where film_id = ? and ")
            .append(friends ? "" : "not ")
            .append("user_id = any(cast(? as uuid[]))");
    if (after != null) {
      sql.append(" and (created_at, user_id) < (?, ?)");
      params.add(Timestamp.from(Page.Cursor.instant(after.sortKey().substring(2))));
      params.add(Page.Cursor.uuid(after.id()));
    }
    sql.append(" order by created_at desc, user_id desc limit ?");
    params.add(limit);
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new Liker(
                    rs.getObject("user_id", UUID.class),
                    rs.getTimestamp("created_at").toInstant(),
                    friends))
        .list();
  }
}
