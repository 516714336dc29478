package io.kinobezdna.users.application.command;

import io.kinobezdna.users.application.Caller;

/** A signed-in user's first visit creates their profile from the name they registered with. */
public record EnsureProfile(Caller caller) {}
