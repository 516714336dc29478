package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.domain.FileKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.Arrays;

/** Ask for a URL to upload a file of exactly this size straight to the object store. */
public record StartDirectUpload(Caller caller, String declaredName, long sizeBytes) {

  private static final long LARGEST =
      Arrays.stream(FileKind.values()).mapToLong(FileKind::maxBytes).max().orElse(0);

  public StartDirectUpload {
    if (declaredName == null || declaredName.isBlank()) {
      throw PlatformError.invalidField("name", "is required");
    }
    if (sizeBytes < 1 || sizeBytes > LARGEST) {
      throw PlatformError.invalidField("sizeBytes", "must be from 1 to " + LARGEST);
    }
  }
}
