package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.Session;
import io.kinobezdna.auth.application.SessionIssuer;
import io.kinobezdna.auth.application.port.AccountRepository;
import io.kinobezdna.auth.application.port.AuthEvents;
import io.kinobezdna.auth.application.port.PasswordHasher;
import io.kinobezdna.auth.domain.Account;
import io.kinobezdna.auth.domain.AuthEvent;
import io.kinobezdna.auth.domain.DisplayName;
import io.kinobezdna.auth.domain.Email;
import io.kinobezdna.auth.domain.PasswordPolicy;
import io.kinobezdna.auth.domain.Role;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.PlatformError.FieldViolation;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public final class RegisterAccountHandler {

  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final SessionIssuer sessions;
  private final AuthEvents events;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public RegisterAccountHandler(
      AccountRepository accounts,
      PasswordHasher hasher,
      SessionIssuer sessions,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.sessions = sessions;
    this.events = events;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  public Session handle(RegisterAccount command) {
    List<FieldViolation> violations = new ArrayList<>();
    Optional<Email> email = Email.parse(command.email());
    if (email.isEmpty()) {
      violations.add(new FieldViolation("email", "must be a valid email address"));
    }
    PasswordPolicy.problem(command.password(), email.orElse(null))
        .ifPresent(p -> violations.add(new FieldViolation("password", p)));
    DisplayName.problem(command.displayName())
        .ifPresent(p -> violations.add(new FieldViolation("displayName", p)));
    if (!violations.isEmpty()) {
      throw PlatformError.invalid(violations);
    }
    Instant now = clock.instant();
    Account account =
        new Account(
            ids.next(),
            email.orElseThrow(),
            hasher.hash(command.password()),
            command.displayName().strip(),
            Set.of(Role.USER),
            now);
    return transactions.inTransaction(
        () -> {
          if (!accounts.insert(account)) {
            throw new PlatformError(
                ErrorKind.CONFLICT,
                "EMAIL_TAKEN",
                "An account with this email already exists. Sign in instead, or use another"
                    + " email.",
                List.of(new FieldViolation("email", "is already registered")));
          }
          events.publish(
              new AuthEvent(
                  ids.next(),
                  AuthEvent.Type.REGISTERED,
                  account.id().toString(),
                  now,
                  command.clientIp()));
          return sessions.start(account, now);
        });
  }
}
