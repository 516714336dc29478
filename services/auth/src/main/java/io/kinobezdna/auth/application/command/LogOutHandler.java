package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.port.AuthEvents;
import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.auth.application.port.SecureTokens;
import io.kinobezdna.auth.domain.AuthEvent;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.time.Instant;

/**
 * Logging out always succeeds: with no token, or a token already revoked, there is simply nothing
 * left to end.
 */
public final class LogOutHandler {

  private final RefreshTokenRepository refreshTokens;
  private final SecureTokens secureTokens;
  private final AuthEvents events;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public LogOutHandler(
      RefreshTokenRepository refreshTokens,
      SecureTokens secureTokens,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    this.refreshTokens = refreshTokens;
    this.secureTokens = secureTokens;
    this.events = events;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  public void handle(LogOut command) {
    if (command.refreshToken() == null || command.refreshToken().isBlank()) {
      return;
    }
    Instant now = clock.instant();
    transactions.inTransaction(
        () -> {
          refreshTokens
              .lockByHash(secureTokens.hash(command.refreshToken()))
              .filter(token -> token.revokedAt() == null)
              .ifPresent(
                  token -> {
                    refreshTokens.revokeFamily(token.familyId(), now);
                    events.publish(
                        new AuthEvent(
                            ids.next(),
                            AuthEvent.Type.LOGGED_OUT,
                            token.accountId().toString(),
                            now,
                            command.clientIp()));
                  });
          return null;
        });
  }
}
