package io.kinobezdna.auth.application.port;

import io.kinobezdna.auth.domain.RefreshToken;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public interface RefreshTokenRepository {

  void insert(RefreshToken token);

  /** The token with this hash, locked until the transaction ends (two refreshes serialise). */
  Optional<RefreshToken> lockByHash(String tokenHash);

  void markSpent(UUID tokenId, Instant at);

  void revokeFamily(UUID familyId, Instant at);

  /**
   * Deletes up to {@code limit} tokens that expired before {@code cutoff}, skipping rows another
   * instance is deleting at the same moment; returns how many it deleted.
   */
  int deleteExpiredBefore(Instant cutoff, int limit);

  /** Ends every session of the account; returns how many tokens were still live. */
  int revokeAllOf(UUID accountId, Instant at);
}
