package io.kinobezdna.files.application.query;

import java.util.Optional;
import java.util.UUID;

/** A file's bytes (or its thumbnail's), for a viewer (empty: not signed in). */
public record GetContent(Optional<UUID> viewer, UUID fileId, Variant variant) {

  /** Which bytes of a file. */
  public enum Variant {
    CONTENT,
    THUMBNAIL
  }
}
