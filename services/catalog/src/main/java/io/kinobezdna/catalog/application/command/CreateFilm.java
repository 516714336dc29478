package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Caller;
import io.kinobezdna.catalog.domain.FilmDraft;

/** Staff add a film; it starts unpublished unless {@code publish} is set. */
public record CreateFilm(Caller caller, FilmDraft draft, boolean publish) {}
