package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.Caller;
import java.util.UUID;

/** Everything of the caller's own about one film: reactions, progress, review, the totals. */
public record GetMyFilm(Caller caller, UUID filmId) {}
