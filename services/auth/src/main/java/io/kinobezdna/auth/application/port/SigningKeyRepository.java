package io.kinobezdna.auth.application.port;

import io.kinobezdna.auth.domain.SigningKey;
import java.time.Instant;
import java.util.List;

public interface SigningKeyRepository {

  /** Every usable key not yet purged, newest first. */
  List<SigningKey> all();

  /**
   * Adds {@code next} and retires the current key at {@code next.activeFrom()}, atomically and
   * serialised with other instances doing the same.
   */
  void rotateTo(SigningKey next);

  /**
   * Adds {@code first} only if no usable key signs at its start — none yet, or none that decrypts —
   * (several instances may race at start).
   */
  void insertIfNoneSigns(SigningKey first);

  /**
   * Encrypts every key an earlier version stored in plaintext; returns how many (safe to repeat and
   * to run on several instances at once).
   */
  int encryptPlaintextKeys();

  /** Deletes keys retired before {@code before}: no live token can name them any more. */
  void purgeRetiredBefore(Instant before);
}
