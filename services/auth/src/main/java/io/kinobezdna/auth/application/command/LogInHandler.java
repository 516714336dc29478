package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.Session;
import io.kinobezdna.auth.application.SessionIssuer;
import io.kinobezdna.auth.application.port.AccountRepository;
import io.kinobezdna.auth.application.port.AuthEvents;
import io.kinobezdna.auth.application.port.LoginThrottle;
import io.kinobezdna.auth.application.port.PasswordHasher;
import io.kinobezdna.auth.application.port.SecureTokens;
import io.kinobezdna.auth.domain.Account;
import io.kinobezdna.auth.domain.AuthEvent;
import io.kinobezdna.auth.domain.Email;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in with email and password. An unknown email and a wrong password get the same answer in
 * about the same time; repeated failures for an account or from an address are throttled.
 */
public final class LogInHandler {

  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SecureTokens secureTokens;
  private final SessionIssuer sessions;
  private final AuthEvents events;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public LogInHandler(
      AccountRepository accounts,
      PasswordHasher hasher,
      LoginThrottle throttle,
      SecureTokens secureTokens,
      SessionIssuer sessions,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.throttle = throttle;
    this.secureTokens = secureTokens;
    this.sessions = sessions;
    this.events = events;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  public Session handle(LogIn command) {
    Email email =
        Email.parse(command.email())
            .orElseThrow(
                () -> PlatformError.invalidField("email", "must be a valid email address"));
    if (command.password() == null || command.password().isEmpty()) {
      throw PlatformError.invalidField("password", "is required");
    }
    String accountKey = secureTokens.hash(email.value());
    Optional<Duration> wait = throttle.waitBeforeAttempt(accountKey, command.clientIp());
    if (wait.isPresent()) {
      throw PlatformError.tooManyAttempts(
          "TOO_MANY_ATTEMPTS",
          "Too many failed sign-in attempts. Please wait before trying again.",
          wait.get());
    }
    Optional<Account> account = accounts.findByEmail(email);
    boolean passwordMatches;
    if (account.isPresent()) {
      passwordMatches = hasher.matches(command.password(), account.get().passwordHash());
    } else {
      hasher.matchNothing(command.password());
      passwordMatches = false;
    }
    Instant now = clock.instant();
    if (!passwordMatches) {
      throttle.recordFailure(accountKey, command.clientIp());
      String subject = account.map(a -> a.id().toString()).orElse("unknown:" + accountKey);
      events.publish(
          new AuthEvent(ids.next(), AuthEvent.Type.LOGIN_FAILED, subject, now, command.clientIp()));
      throw new PlatformError(
          ErrorKind.UNAUTHENTICATED, "INVALID_CREDENTIALS", "The email or password is incorrect.");
    }
    throttle.recordSuccess(accountKey);
    Account signedIn = account.get();
    return transactions.inTransaction(
        () -> {
          events.publish(
              new AuthEvent(
                  ids.next(),
                  AuthEvent.Type.LOGGED_IN,
                  signedIn.id().toString(),
                  now,
                  command.clientIp()));
          return sessions.start(signedIn, now);
        });
  }
}
