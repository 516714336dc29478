package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.Caller;

/** Reviews waiting for a decision, oldest first: for support staff only. */
public record ListPendingReviews(Caller caller, String cursor, Integer limit) {}
