package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Caller;
import java.util.UUID;

/** Staff publish a film or take it down (it keeps its data and SKUs, hidden from viewers). */
public record ChangePublication(Caller caller, UUID filmId, boolean published) {}
