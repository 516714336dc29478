package io.kinobezdna.users.adapter.out.jdbc;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.domain.Profile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcProfileRepository implements ProfileRepository {

  /** Keyset paging over (name, id) in byte order; an empty cursor id means the first page. */
  static final String AFTER_CURSOR =
      " and (? = '' or (p.display_name collate \"C\", p.user_id::text) > (? collate \"C\", ?))";

  static final String BY_NAME = " order by p.display_name collate \"C\", p.user_id::text limit ?";

  private final JdbcClient jdbc;

  public JdbcProfileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insertIfAbsent(Profile profile) {
    jdbc.sql(
            """
            insert into profile (user_id, display_name, bio, avatar_file_id, locale, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?) on conflict (user_id) do nothing
            """)
        .params(
            profile.userId(),
            profile.displayName(),
            profile.bio(),
            profile.avatarFileId(),
            profile.locale(),
            Timestamp.from(profile.createdAt()),
            Timestamp.from(profile.updatedAt()))
        .update();
  }

  @Override
  public Optional<Profile> find(UUID userId) {
    return jdbc.sql("select * from profile p where p.user_id = ?")
        .param(userId)
        .query(JdbcProfileRepository::map)
        .optional();
  }

  @Override
  public List<Profile> findAll(Collection<UUID> userIds) {
    return jdbc.sql("select * from profile p where p.user_id = any(?)")
        .param(userIds.toArray(UUID[]::new))
        .query(JdbcProfileRepository::map)
        .list();
  }

  @Override
  public boolean update(Profile profile) {
    return jdbc.sql(
                """
                update profile set display_name = ?, bio = ?, avatar_file_id = ?, locale = ?,
                  updated_at = ?, version = ?
                where user_id = ? and version = ?
                """)
            .params(
                profile.displayName(),
                profile.bio(),
                profile.avatarFileId(),
                profile.locale(),
                Timestamp.from(profile.updatedAt()),
                profile.version(),
                profile.userId(),
                profile.version() - 1)
            .update()
        == 1;
  }

  @Override
  public List<Profile> search(String query, Page.Cursor after, int limit) {
    String pattern =
        "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.sql(
            "select * from profile p where p.display_name ilike ? escape '\\'"
                + AFTER_CURSOR
                + BY_NAME)
        .params(pattern, after.id(), after.sortKey(), after.id(), limit)
        .query(JdbcProfileRepository::map)
        .list();
  }

  static Profile map(ResultSet rs, int row) throws SQLException {
    return new Profile(
        rs.getObject("user_id", UUID.class),
        rs.getString("display_name"),
        rs.getString("bio"),
        rs.getObject("avatar_file_id", UUID.class),
        rs.getString("locale"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
