package io.kinobezdna.ugc.application.command;

import static io.kinobezdna.ugc.application.Problems.requireFilm;

import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.PlatformError.FieldViolation;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import io.kinobezdna.ugc.application.port.FilmTotalsRepository;
import io.kinobezdna.ugc.application.port.Films;
import io.kinobezdna.ugc.application.port.ProgressRepository;
import io.kinobezdna.ugc.application.port.UgcEvents;
import io.kinobezdna.ugc.domain.UgcEvent;
import io.kinobezdna.ugc.domain.WatchProgress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Remembers the position to resume from, and tells the stats service someone is watching. */
public final class SaveProgressHandler {

  /** Longer than any film (a day), so nonsense is refused. */
  static final int MAX_SECONDS = 24 * 3600;

  private final ProgressRepository progress;
  private final FilmTotalsRepository totals;
  private final UgcEvents events;
  private final Films films;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public SaveProgressHandler(
      ProgressRepository progress,
      FilmTotalsRepository totals,
      UgcEvents events,
      Films films,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    this.progress = progress;
    this.totals = totals;
    this.events = events;
    this.films = films;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  public WatchProgress handle(SaveProgress command) {
    List<FieldViolation> problems = new ArrayList<>();
    Integer position = command.positionSeconds();
    Integer duration = command.durationSeconds();
    if (duration == null || duration < 1 || duration > MAX_SECONDS) {
      problems.add(new FieldViolation("durationSeconds", "must be from 1 to " + MAX_SECONDS));
    }
    if (position == null || position < 0 || duration != null && position > duration) {
      problems.add(new FieldViolation("positionSeconds", "must be from 0 to the duration"));
    }
    if (!problems.isEmpty()) {
      throw PlatformError.invalid(problems);
    }
    requireFilm(films, command.filmId());
    Instant now = clock.instant();
    WatchProgress saved = new WatchProgress(command.filmId(), position, duration, now);
    return transactions.inTransaction(
        () -> {
          progress.save(command.caller().userId(), saved);
          events.publish(
              new UgcEvent(
                  ids.next(),
                  UgcEvent.Type.PROGRESS,
                  command.caller().userId(),
                  command.filmId(),
                  now,
                  totals.current(command.filmId()),
                  null,
                  position));
          return saved;
        });
  }
}
