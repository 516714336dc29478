package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Caller;
import io.kinobezdna.catalog.domain.FilmDraft;
import java.util.UUID;

/**
 * An editor replaces a film's details and offers (see {@code Film.revised} for what SKUs keep), as
 * they were at {@code expectedVersion}: the version the editor saw.
 */
public record ReviseFilm(Caller caller, UUID filmId, long expectedVersion, FilmDraft draft) {}
