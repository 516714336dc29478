package io.kinobezdna.auth.application.port;

import io.kinobezdna.auth.domain.AuthEvent;

public interface AuthEvents {

  /** Records the event for publishing, in the current transaction if there is one. */
  void publish(AuthEvent event);
}
