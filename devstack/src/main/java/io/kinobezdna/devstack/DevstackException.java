package io.kinobezdna.devstack;

/** Something the devstack cannot do, said so that a person knows what to fix. */
public class DevstackException extends RuntimeException {
  public DevstackException(String message) {
    super(message);
  }

  public DevstackException(String message, Throwable cause) {
    super(message, cause);
  }
}
