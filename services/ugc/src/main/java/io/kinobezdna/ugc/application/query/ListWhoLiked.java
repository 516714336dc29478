package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.Caller;
import java.util.UUID;

/** A page of the people who liked a film, as the caller sees them. */
public record ListWhoLiked(Caller caller, UUID filmId, String cursor, Integer limit) {}
