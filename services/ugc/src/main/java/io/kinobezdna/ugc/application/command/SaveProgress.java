package io.kinobezdna.ugc.application.command;

import io.kinobezdna.ugc.application.Caller;
import java.util.UUID;

/** Where the viewer is in a film's video now (the player sends it every few seconds). */
public record SaveProgress(
    Caller caller, UUID filmId, Integer positionSeconds, Integer durationSeconds) {}
