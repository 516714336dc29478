package io.kinobezdna.auth.application.port;

import io.kinobezdna.auth.domain.Account;
import io.kinobezdna.auth.domain.Email;
import java.util.Optional;
import java.util.UUID;

public interface AccountRepository {

  /** Adds the account; false when the email is taken (nothing is written then). */
  boolean insert(Account account);

  Optional<Account> findByEmail(Email email);

  Optional<Account> findById(UUID id);
}
