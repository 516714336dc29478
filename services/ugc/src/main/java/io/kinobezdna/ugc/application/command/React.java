package io.kinobezdna.ugc.application.command;

import io.kinobezdna.ugc.application.Caller;
import java.util.UUID;

/** A viewer's reaction to a film: like or unlike, rate or unrate, want or stop wanting it. */
public record React(Caller caller, UUID filmId, Reaction reaction) {

  public sealed interface Reaction {}

  public record Like(boolean liked) implements Reaction {}

  /** A score 1–10, or null to take the rating back. */
  public record Rate(Integer score) implements Reaction {}

  public record Wish(boolean wanted) implements Reaction {}
}
