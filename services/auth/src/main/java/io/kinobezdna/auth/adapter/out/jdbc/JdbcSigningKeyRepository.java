package io.kinobezdna.auth.adapter.out.jdbc;

import io.kinobezdna.auth.application.port.SigningKeyRepository;
import io.kinobezdna.auth.domain.SigningKey;
import io.kinobezdna.platform.tx.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing keys in PostgreSQL, shared by every auth instance, their private halves encrypted ({@link
 * SigningKeyCipher}). Changes take a transaction-scoped advisory lock, so two instances rotating
 * (or creating the first key) at once cannot both win.
 */
public final class JdbcSigningKeyRepository implements SigningKeyRepository {

  private static final Logger log = LoggerFactory.getLogger(JdbcSigningKeyRepository.class);

  /** Advisory lock id for key changes ("kbkeys" in ASCII). */
  private static final long KEY_LOCK = 0x6b626b657973L;

  private final JdbcClient jdbc;
  private final Transactions transactions;
  private final SigningKeyCipher cipher;

  public JdbcSigningKeyRepository(
      JdbcClient jdbc, Transactions transactions, SigningKeyCipher cipher) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.cipher = cipher;
  }

  /**
   * Keys that do not decrypt (the key-encryption secret was replaced, or a row was altered) are
   * left out with an error in the log: they can neither sign nor be published, and a missing
   * signing key is replaced at the next start ({@link #insertIfNoneSigns}).
   */
  @Override
  public List<SigningKey> all() {
    List<SigningKey> usable = new ArrayList<>();
    jdbc.sql("select * from signing_key order by active_from desc")
        .query(
            (RowCallbackHandler)
                rs -> {
                  try {
                    usable.add(map(rs, rs.getRow()));
                  } catch (IllegalStateException undecryptable) {
                    log.error("signing key ignored: {}", undecryptable.getMessage());
                  }
                });
    return usable;
  }

  @Override
  public int encryptPlaintextKeys() {
    return transactions.inTransaction(
        () -> {
          lock();
          List<SigningKey> plaintext =
              jdbc.sql("select * from signing_key where private_jwk not like ?")
                  .param(SigningKeyCipher.PREFIX + "%")
                  .query(this::map)
                  .list();
          for (SigningKey key : plaintext) {
            jdbc.sql("update signing_key set private_jwk = ? where kid = ?")
                .params(cipher.encrypt(key.keyId(), key.privateJwk()), key.keyId())
                .update();
          }
          return plaintext.size();
        });
  }

  @Override
  public void rotateTo(SigningKey next) {
    transactions.inTransaction(
        () -> {
          lock();
          retireCurrentAndInsert(next);
          return null;
        });
  }

  @Override
  public void insertIfNoneSigns(SigningKey first) {
    transactions.inTransaction(
        () -> {
          lock();
          if (all().stream().noneMatch(key -> key.signsAt(first.activeFrom()))) {
            // an undecryptable current key stops signing now
            retireCurrentAndInsert(first);
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

  /** The current key stops signing when {@code next} starts; call under the key lock. */
  private void retireCurrentAndInsert(SigningKey next) {
    jdbc.sql("update signing_key set retired_at = ? where retired_at is null")
        .param(Timestamp.from(next.activeFrom()))
        .update();
    insert(next);
  }

  private void insert(SigningKey key) {
    jdbc.sql("insert into signing_key (kid, private_jwk, active_from, retired_at) values (?,?,?,?)")
        .params(
            key.keyId(),
            cipher.encrypt(key.keyId(), key.privateJwk()),
            Timestamp.from(key.activeFrom()),
            key.retiredAt() == null ? null : Timestamp.from(key.retiredAt()))
        .update();
  }

  private SigningKey map(ResultSet rs, int row) throws SQLException {
    Timestamp retired = rs.getTimestamp("retired_at");
    String keyId = rs.getString("kid");
    return new SigningKey(
        keyId,
        cipher.decrypt(keyId, rs.getString("private_jwk")),
        rs.getTimestamp("active_from").toInstant(),
        retired == null ? null : retired.toInstant());
  }
}
