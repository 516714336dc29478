package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.port.AuthEvents;
import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.auth.domain.AuthEvent;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.time.Instant;

/**
 * Revokes every refresh token of the account. Access tokens already issued stay valid until they
 * expire (at most the access-token lifetime): they are verified without a call to auth.
 */
public final class LogOutEverywhereHandler {

  private final RefreshTokenRepository refreshTokens;
  private final AuthEvents events;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public LogOutEverywhereHandler(
      RefreshTokenRepository refreshTokens,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    this.refreshTokens = refreshTokens;
    this.events = events;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  /** Returns how many live refresh tokens were revoked. */
  public int handle(LogOutEverywhere command) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          int revoked = refreshTokens.revokeAllOf(command.accountId(), now);
          events.publish(
              new AuthEvent(
                  ids.next(),
                  AuthEvent.Type.LOGGED_OUT,
                  command.accountId().toString(),
                  now,
                  command.clientIp()));
          return revoked;
        });
  }
}
