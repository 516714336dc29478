package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.Session;
import io.kinobezdna.auth.application.SessionIssuer;
import io.kinobezdna.auth.application.port.AccountRepository;
import io.kinobezdna.auth.application.port.AuthEvents;
import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.auth.application.port.SecureTokens;
import io.kinobezdna.auth.domain.AuthEvent;
import io.kinobezdna.auth.domain.RefreshToken;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP, section 4.14): every use
 * spends the token and issues the next; a spent token presented again means two parties hold the
 * session, so the whole family is revoked and both must sign in again.
 */
public final class RefreshSessionHandler {

  private final RefreshTokenRepository refreshTokens;
  private final AccountRepository accounts;
  private final SecureTokens secureTokens;
  private final SessionIssuer sessions;
  private final AuthEvents events;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public RefreshSessionHandler(
      RefreshTokenRepository refreshTokens,
      AccountRepository accounts,
      SecureTokens secureTokens,
      SessionIssuer sessions,
      AuthEvents events,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    this.refreshTokens = refreshTokens;
    this.accounts = accounts;
    this.secureTokens = secureTokens;
    this.sessions = sessions;
    this.events = events;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  private record Outcome(Optional<Session> session, String failureReason) {}

  public Session handle(RefreshSession command) {
    if (command.refreshToken() == null || command.refreshToken().isBlank()) {
      throw invalid("REFRESH_TOKEN_MISSING");
    }
    Instant now = clock.instant();
    // The revocation of a reused family must commit, so failures are returned from the
    // transaction and thrown only after it.
    Outcome outcome =
        transactions.inTransaction(
            () -> {
              Optional<RefreshToken> found =
                  refreshTokens.lockByHash(secureTokens.hash(command.refreshToken()));
              if (found.isEmpty()) {
                return new Outcome(Optional.empty(), "REFRESH_TOKEN_INVALID");
              }
              RefreshToken token = found.get();
              return switch (token.presentedAt(now)) {
                case VALID -> {
                  refreshTokens.markSpent(token.id(), now);
                  yield accounts
                      .findById(token.accountId())
                      .map(
                          account ->
                              new Outcome(
                                  Optional.of(
                                      sessions.continueFamily(account, token.familyId(), now)),
                                  null))
                      .orElse(new Outcome(Optional.empty(), "REFRESH_TOKEN_INVALID"));
                }
                case REUSED -> {
                  refreshTokens.revokeFamily(token.familyId(), now);
                  events.publish(
                      new AuthEvent(
                          ids.next(),
                          AuthEvent.Type.REFRESH_REUSE_DETECTED,
                          token.accountId().toString(),
                          now,
                          command.clientIp()));
                  yield new Outcome(Optional.empty(), "REFRESH_TOKEN_REUSED");
                }
                case EXPIRED, REVOKED -> new Outcome(Optional.empty(), "REFRESH_TOKEN_INVALID");
              };
            });
    return outcome.session().orElseThrow(() -> invalid(outcome.failureReason()));
  }

  private static PlatformError invalid(String reason) {
    return new PlatformError(
        ErrorKind.UNAUTHENTICATED, reason, "Your session has ended. Please sign in again.");
  }
}
