package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.Caller;
import java.util.UUID;

/** The caller's friends who have a film on their "want to watch" list. */
public record ListFriendsWhoWant(Caller caller, UUID filmId) {}
