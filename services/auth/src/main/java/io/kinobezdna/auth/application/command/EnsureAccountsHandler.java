package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.port.AccountRepository;
import io.kinobezdna.auth.application.port.PasswordHasher;
import io.kinobezdna.auth.domain.Account;
import io.kinobezdna.auth.domain.Email;
import io.kinobezdna.platform.id.UuidV7;
import java.time.Clock;

/** Creates each account that does not exist yet; existing ones are left as they are. */
public final class EnsureAccountsHandler {

  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final UuidV7 ids;
  private final Clock clock;

  public EnsureAccountsHandler(
      AccountRepository accounts, PasswordHasher hasher, UuidV7 ids, Clock clock) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.ids = ids;
    this.clock = clock;
  }

  /** Returns how many accounts were created. */
  public int handle(EnsureAccounts command) {
    int created = 0;
    for (EnsureAccounts.SeedAccount seed : command.accounts()) {
      Email email =
          Email.parse(seed.email())
              .orElseThrow(() -> new IllegalArgumentException("bad seed email " + seed.email()));
      if (accounts.findByEmail(email).isPresent()) {
        continue;
      }
      Account account =
          new Account(
              ids.next(),
              email,
              hasher.hash(command.password()),
              seed.displayName(),
              seed.roles(),
              clock.instant());
      if (accounts.insert(account)) {
        created++;
      }
    }
    return created;
  }
}
