package io.kinobezdna.users.application.query;

import io.kinobezdna.users.application.Caller;

public record GetMe(Caller caller) {}
