package io.kinobezdna.ugc.application.port;

import io.kinobezdna.ugc.domain.UgcEvent;

/** Where events go: written in the caller's transaction, published after it commits. */
public interface UgcEvents {

  void publish(UgcEvent event);
}
