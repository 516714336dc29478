package io.kinobezdna.auth.adapter.out.jdbc;

import io.kinobezdna.auth.application.port.AccountRepository;
import io.kinobezdna.auth.domain.Account;
import io.kinobezdna.auth.domain.Email;
import io.kinobezdna.auth.domain.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcAccountRepository implements AccountRepository {

  private final JdbcClient jdbc;

  public JdbcAccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(Account account) {
    return jdbc.sql(
                """
                insert into account (id, email, password_hash, display_name, roles, created_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (email) do nothing
                """)
            .params(
                account.id(),
                account.email().value(),
                account.passwordHash(),
                account.displayName(),
                account.roles().stream().map(Role::name).sorted().toArray(String[]::new),
                Timestamp.from(account.createdAt()))
            .update()
        == 1;
  }

  @Override
  public Optional<Account> findByEmail(Email email) {
    return jdbc.sql("select * from account where email = ?")
        .param(email.value())
        .query(JdbcAccountRepository::map)
        .optional();
  }

  @Override
  public Optional<Account> findById(UUID id) {
    return jdbc.sql("select * from account where id = ?")
        .param(id)
        .query(JdbcAccountRepository::map)
        .optional();
  }

  private static Account map(ResultSet rs, int row) throws SQLException {
    Array roles = rs.getArray("roles");
    return new Account(
        rs.getObject("id", UUID.class),
        new Email(rs.getString("email")),
        rs.getString("password_hash"),
        rs.getString("display_name"),
        Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).collect(Collectors.toSet()),
        rs.getTimestamp("created_at").toInstant());
  }
}
