package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.Caller;

/** Films the caller started and did not finish, latest first: the home page's row. */
public record ContinueWatching(Caller caller) {}
