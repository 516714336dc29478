package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.Caller;

/** A page of the films the caller wants to watch, latest first. */
public record ListWishlist(Caller caller, String cursor, Integer limit) {}
