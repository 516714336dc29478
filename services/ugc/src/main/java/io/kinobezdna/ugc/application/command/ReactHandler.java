package io.kinobezdna.ugc.application.command;

import static io.kinobezdna.ugc.application.Problems.requireFilm;

import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import io.kinobezdna.ugc.application.port.FilmTotalsRepository;
import io.kinobezdna.ugc.application.port.Films;
import io.kinobezdna.ugc.application.port.Reactions;
import io.kinobezdna.ugc.application.port.UgcEvents;
import io.kinobezdna.ugc.domain.FilmTotals;
import io.kinobezdna.ugc.domain.Score;
import io.kinobezdna.ugc.domain.UgcEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies a reaction in one transaction: the viewer's own row, the film's totals (locked, so
 * concurrent reactions to one film add up) and the event. Repeating a reaction changes nothing and
 * publishes nothing, so a retried request never counts twice.
 */
public final class ReactHandler {

  private final Reactions reactions;
  private final FilmTotalsRepository totals;
  private final UgcEvents events;
  private final Films films;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public ReactHandler(
      Reactions reactions,
      FilmTotalsRepository totals,
      UgcEvents events,
      Films films,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    this.reactions = reactions;
    this.totals = totals;
    this.events = events;
    this.films = films;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  public void handle(React command) {
    if (command.reaction() instanceof React.Rate(Integer score)
        && score != null
        && !Score.isValid(score)) {
      throw PlatformError.invalidField("score", "must be from 1 to 10");
    }
    requireFilm(films, command.filmId());
    transactions.inTransaction(
        () -> {
          apply(command, clock.instant());
          return null;
        });
  }

  private void apply(React command, Instant now) {
    var user = command.caller().userId();
    var film = command.filmId();
    switch (command.reaction()) {
      case React.Like(boolean liked) -> {
        if (reactions.setLike(user, film, liked, now)) {
          FilmTotals t = totals.lock(film).plus(liked ? 1 : -1, 0, 0);
          totals.save(t);
          record(liked ? UgcEvent.Type.LIKED : UgcEvent.Type.UNLIKED, command, now, t, null);
        }
      }
      case React.Rate(Integer score) -> {
        Optional<Integer> before = reactions.setScore(user, film, score, now);
        if (before.isPresent() && before.get().equals(score) || before.isEmpty() && score == null) {
          return;
        }
        FilmTotals locked = totals.lock(film);
        FilmTotals t =
            score == null
                ? locked.plus(0, -1, -before.get())
                : locked.plus(0, before.isPresent() ? 0 : 1, score - before.orElse(0));
        totals.save(t);
        record(score == null ? UgcEvent.Type.UNRATED : UgcEvent.Type.RATED, command, now, t, score);
      }
      case React.Wish(boolean wanted) -> {
        if (reactions.setWish(user, film, wanted, now)) {
          // Wishes do not change the totals; the event carries them unchanged.
          record(
              wanted ? UgcEvent.Type.WISHLISTED : UgcEvent.Type.UNWISHLISTED,
              command,
              now,
              totals.current(film),
              null);
        }
      }
    }
  }

  private void record(
      UgcEvent.Type type, React command, Instant now, FilmTotals after, Integer score) {
    events.publish(
        new UgcEvent(
            ids.next(),
            type,
            command.caller().userId(),
            command.filmId(),
            now,
            after,
            score,
            null));
  }
}
