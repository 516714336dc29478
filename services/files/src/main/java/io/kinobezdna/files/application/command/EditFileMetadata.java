package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.Map;
import java.util.UUID;

/** Change some of a file's metadata fields; which fields exist depends on the file's kind. */
public record EditFileMetadata(Caller caller, UUID fileId, Map<String, Object> changes) {

  public EditFileMetadata {
    if (changes == null || changes.isEmpty()) {
      throw PlatformError.invalidField("fields", "name at least one field to change");
    }
  }
}
