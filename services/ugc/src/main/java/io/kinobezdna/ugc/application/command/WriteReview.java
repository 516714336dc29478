package io.kinobezdna.ugc.application.command;

import io.kinobezdna.ugc.application.Caller;
import java.util.UUID;

/** The caller writes (or rewrites) their review of a film. */
public record WriteReview(Caller caller, UUID filmId, String body) {}
