package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Caller;
import java.util.UUID;

/**
 * An editor publishes a film or takes it down (it keeps its data and SKUs, hidden from viewers), as
 * it was at {@code expectedVersion}.
 */
public record ChangePublication(
    Caller caller, UUID filmId, long expectedVersion, boolean published) {}
