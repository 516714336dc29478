package io.kinobezdna.auth.application.port;

public interface PasswordHasher {

  String hash(String password);

  boolean matches(String password, String hash);

  /**
   * Spends the same time as a real check, for an email nobody has: login answers take as long for
   * an unknown account as for a wrong password, so timing does not reveal who is registered.
   */
  void matchNothing(String password);
}
