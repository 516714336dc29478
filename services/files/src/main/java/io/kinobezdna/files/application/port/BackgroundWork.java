package io.kinobezdna.files.application.port;

/** Wakes the background extraction when there is new work, instead of waiting for its next poll. */
public interface BackgroundWork {

  void fileAdded();
}
