package io.kinobezdna.users.adapter.out.jdbc;

import static io.kinobezdna.users.adapter.out.jdbc.JdbcProfileRepository.AFTER_CURSOR;
import static io.kinobezdna.users.adapter.out.jdbc.JdbcProfileRepository.BY_NAME;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.application.port.FollowRepository;
import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.Relationship;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcFollowRepository implements FollowRepository {

  private final JdbcClient jdbc;

  public JdbcFollowRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void follow(UUID follower, UUID followee, Instant at) {
    jdbc.sql(
            "insert into follow (follower_id, followee_id, created_at) values (?, ?, ?)"
                + " on conflict do nothing")
        .params(follower, followee, Timestamp.from(at))
        .update();
  }

  @Override
  public void unfollow(UUID follower, UUID followee) {
    jdbc.sql("delete from follow where follower_id = ? and followee_id = ?")
        .params(follower, followee)
        .update();
  }

  @Override
  public Relationship between(UUID viewer, UUID other) {
    return jdbc.sql(
            """
            select exists(select 1 from follow where follower_id = ? and followee_id = ?) as following,
                   exists(select 1 from follow where follower_id = ? and followee_id = ?) as followed_by
            """)
        .params(viewer, other, other, viewer)
        .query(
            (rs, row) -> new Relationship(rs.getBoolean("following"), rs.getBoolean("followed_by")))
        .single();
  }

  @Override
  public Map<UUID, Relationship> between(UUID viewer, Collection<UUID> others) {
    if (others.isEmpty()) {
      return Map.of();
    }
    Set<UUID> following = new HashSet<>();
    Set<UUID> followedBy = new HashSet<>();
    jdbc.sql(
            """
            select followee_id as other, true as following from follow
             where follower_id = :viewer and followee_id in (:others)
            union all
            select follower_id, false from follow
             where followee_id = :viewer and follower_id in (:others)
            """)
        .param("viewer", viewer)
        .param("others", List.copyOf(others))
        .query(
            (rs, row) ->
                (rs.getBoolean("following") ? following : followedBy)
                    .add(rs.getObject("other", UUID.class)))
        .list();
    Map<UUID, Relationship> relations = new HashMap<>();
    Stream.concat(following.stream(), followedBy.stream())
        .forEach(
            other ->
                relations.put(
                    other,
                    new Relationship(following.contains(other), followedBy.contains(other))));
    return relations;
  }

  @Override
  public List<Profile> following(UUID userId, Page.Cursor after, int limit) {
    return page(
        "select p.* from follow f join profile p on p.user_id = f.followee_id"
            + " where f.follower_id = ?",
        userId,
        after,
        limit);
  }

  @Override
  public List<Profile> followers(UUID userId, Page.Cursor after, int limit) {
    return page(
        "select p.* from follow f join profile p on p.user_id = f.follower_id"
            + " where f.followee_id = ?",
        userId,
        after,
        limit);
  }

  @Override
  public List<Profile> friends(UUID userId, Page.Cursor after, int limit) {
    return page(
        "select p.* from follow f join profile p on p.user_id = f.followee_id"
            + " where f.follower_id = ? and exists (select 1 from follow back"
            + " where back.follower_id = f.followee_id and back.followee_id = f.follower_id)",
        userId,
        after,
        limit);
  }

  private List<Profile> page(String select, UUID userId, Page.Cursor after, int limit) {
    return jdbc.sql(select + AFTER_CURSOR + BY_NAME)
        .params(userId, after.id(), after.sortKey(), after.id(), limit)
        .query(JdbcProfileRepository::map)
        .list();
  }
}
