package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.application.Caller;
import java.util.UUID;

public record GetFilm(Caller caller, UUID filmId) {}
