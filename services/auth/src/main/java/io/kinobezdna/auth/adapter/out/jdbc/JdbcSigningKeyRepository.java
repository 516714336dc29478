package io.kinobezdna.auth.adapter.out.jdbc;

import io.kinobezdna.auth.application.port.SigningKeyRepository;
import io.kinobezdna.auth.domain.SigningKey;
import io.kinobezdna.platform.tx.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing keys in PostgreSQL, shared by every auth instance. Changes take a transaction-scoped
 * advisory lock, so two instances rotating (or creating the first key) at once cannot both win.
 */
public final class JdbcSigningKeyRepository implements SigningKeyRepository {

  /** Advisory lock id for key changes ("kbkeys" in ASCII). */
  private static final long KEY_LOCK = 0x6b626b657973L;

  private final JdbcClient jdbc;
  private final Transactions transactions;

  public JdbcSigningKeyRepository(JdbcClient jdbc, Transactions transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public List<SigningKey> all() {
    return jdbc.sql("select * from signing_key order by active_from desc")
        .query(JdbcSigningKeyRepository::map)
        .list();
  }

  @Override
  public void rotateTo(SigningKey next) {
    transactions.inTransaction(
        () -> {
          lock();
          jdbc.sql("update signing_key set retired_at = ? where retired_at is null")
              .param(Timestamp.from(next.activeFrom()))
              .update();
          insert(next);
          return null;
        });
  }

  @Override
  public void insertIfNone(SigningKey first) {
    transactions.inTransaction(
        () -> {
          lock();
          if (jdbc.sql("select count(*) from signing_key").query(Long.class).single() == 0) {
            insert(first);
          }
          return null;
        });
  }

  @Override
  public void purgeRetiredBefore(Instant before) {
    jdbc.sql("delete from signing_key where retired_at < ?").param(Timestamp.from(before)).update();
  }

  private void lock() {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(KEY_LOCK).query(Object.class).single();
  }

  private void insert(SigningKey key) {
    jdbc.sql("insert into signing_key (kid, private_jwk, active_from, retired_at) values (?,?,?,?)")
        .params(
            key.keyId(),
            key.privateJwk(),
            Timestamp.from(key.activeFrom()),
            key.retiredAt() == null ? null : Timestamp.from(key.retiredAt()))
        .update();
  }

  private static SigningKey map(ResultSet rs, int row) throws SQLException {
    Timestamp retired = rs.getTimestamp("retired_at");
    return new SigningKey(
        rs.getString("kid"),
        rs.getString("private_jwk"),
        rs.getTimestamp("active_from").toInstant(),
        retired == null ? null : retired.toInstant());
  }
}
