package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import java.util.UUID;

/** Delete one of the caller's files. */
public record DeleteFile(Caller caller, UUID fileId) {}
