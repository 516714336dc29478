package io.kinobezdna.ugc.application.port;

import java.util.UUID;

/** The catalog, asked whether a film exists before anyone reacts to it. */
public interface Films {

  /** True when the catalog has this film published. */
  boolean exists(UUID filmId);
}
