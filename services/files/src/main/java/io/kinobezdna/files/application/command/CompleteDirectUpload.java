package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.domain.Visibility;
import java.util.UUID;

/** Turn the bytes sent to a direct upload's URL into a file with this visibility. */
public record CompleteDirectUpload(Caller caller, UUID uploadId, Visibility visibility) {}
