package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.Caller;
import java.util.UUID;

/** A time-limited URL that downloads a file the caller may read straight from the object store. */
public record GetDownloadLink(Caller caller, UUID fileId) {}
