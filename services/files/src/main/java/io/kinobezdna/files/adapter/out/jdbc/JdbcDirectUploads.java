package io.kinobezdna.files.adapter.out.jdbc;

import io.kinobezdna.files.application.port.DirectUploads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Presigned uploads waiting for their completion, in PostgreSQL. */
public final class JdbcDirectUploads implements DirectUploads {

  private static final String COLUMNS = "id, owner_id, declared_name, size_bytes, expires_at";

  private final JdbcClient jdbc;

  public JdbcDirectUploads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(DirectUpload u) {
    jdbc.sql("insert into direct_uploads (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
        .params(u.id(), u.ownerId(), u.declaredName(), u.sizeBytes(), Timestamp.from(u.expiresAt()))
        .update();
  }

  @Override
  public Optional<DirectUpload> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from direct_uploads where id = ?")
        .param(id)
        .query(JdbcDirectUploads::upload)
        .optional();
  }

  @Override
  public void remove(UUID id) {
    jdbc.sql("delete from direct_uploads where id = ?").param(id).update();
  }

  @Override
  public List<DirectUpload> expiredBefore(Instant moment, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from direct_uploads where expires_at < ? order by expires_at"
                + " limit ?")
        .params(Timestamp.from(moment), limit)
        .query(JdbcDirectUploads::upload)
        .list();
  }

  private static DirectUpload upload(ResultSet rs, int row) throws SQLException {
    return new DirectUpload(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("declared_name"),
        rs.getLong("size_bytes"),
        rs.getTimestamp("expires_at").toInstant());
  }
}
