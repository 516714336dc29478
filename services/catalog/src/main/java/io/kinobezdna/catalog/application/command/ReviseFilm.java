package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Caller;
import io.kinobezdna.catalog.domain.FilmDraft;
import java.util.UUID;

/** Staff replace a film's details and offers (see {@code Film.revised} for what SKUs keep). */
public record ReviseFilm(Caller caller, UUID filmId, FilmDraft draft) {}
