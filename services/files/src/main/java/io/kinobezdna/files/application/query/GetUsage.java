package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.Caller;

/** How much of their storage quota the caller uses. */
public record GetUsage(Caller caller) {}
