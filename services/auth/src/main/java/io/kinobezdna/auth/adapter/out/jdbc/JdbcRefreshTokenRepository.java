package io.kinobezdna.auth.adapter.out.jdbc;

import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.auth.domain.RefreshToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcRefreshTokenRepository implements RefreshTokenRepository {

  private final JdbcClient jdbc;

  public JdbcRefreshTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(RefreshToken token) {
    jdbc.sql(
            """
            insert into refresh_token (id, family_id, account_id, token_hash, issued_at, expires_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            token.id(),
            token.familyId(),
            token.accountId(),
            token.tokenHash(),
            Timestamp.from(token.issuedAt()),
            Timestamp.from(token.expiresAt()))
        .update();
  }

  @Override
  public Optional<RefreshToken> lockByHash(String tokenHash) {
    return jdbc.sql("select * from refresh_token where token_hash = ? for update")
        .param(tokenHash)
        .query(JdbcRefreshTokenRepository::map)
        .optional();
  }

  @Override
  public void markSpent(UUID tokenId, Instant at) {
    jdbc.sql("update refresh_token set spent_at = ? where id = ?")
        .params(Timestamp.from(at), tokenId)
        .update();
  }

  @Override
  public void revokeFamily(UUID familyId, Instant at) {
    jdbc.sql("update refresh_token set revoked_at = ? where family_id = ? and revoked_at is null")
        .params(Timestamp.from(at), familyId)
        .update();
  }

  @Override
  public int revokeAllOf(UUID accountId, Instant at) {
    return jdbc.sql(
            "update refresh_token set revoked_at = ? where account_id = ? and revoked_at is null")
        .params(Timestamp.from(at), accountId)
        .update();
  }

  @Override
  public int deleteExpiredBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            "delete from refresh_token where id in (select id from refresh_token"
                + " where expires_at < ? order by expires_at limit ? for update skip locked)")
        .params(Timestamp.from(cutoff), limit)
        .update();
  }

  private static RefreshToken map(ResultSet rs, int row) throws SQLException {
    return new RefreshToken(
        rs.getObject("id", UUID.class),
        rs.getObject("family_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("token_hash"),
        rs.getTimestamp("issued_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        instant(rs.getTimestamp("spent_at")),
        instant(rs.getTimestamp("revoked_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
