package io.kinobezdna.ugc.application.command;

import io.kinobezdna.ugc.application.Caller;
import java.util.UUID;

/** The caller takes back their review of a film. */
public record WithdrawReview(Caller caller, UUID filmId) {}
