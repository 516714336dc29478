package io.kinobezdna.auth.application.port;

public interface SecureTokens {

  /** A new unguessable opaque token (for refresh tokens). */
  String newToken();

  /** The hash stored in place of a token; equal tokens have equal hashes. */
  String hash(String token);
}
