package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Caller;
import java.util.UUID;

/**
 * A film's poster or video for this caller: stored in files the first time it is asked for (so a
 * command), then found there.
 */
public record ProvideFilmMedia(Caller caller, UUID filmId, Medium medium) {

  /** Which of a film's media. */
  public enum Medium {
    POSTER,
    VIDEO
  }
}
