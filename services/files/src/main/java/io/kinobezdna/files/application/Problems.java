package io.kinobezdna.files.application;

import io.kinobezdna.files.domain.FileKind;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.UUID;

/** The files service's failures, in the platform's shared vocabulary. */
public final class Problems {

  private Problems() {}

  /** Also what a file one may not read answers: its existence is nobody else's business. */
  public static PlatformError fileNotFound(UUID id) {
    return new PlatformError(ErrorKind.NOT_FOUND, "FILE_NOT_FOUND", "There is no file " + id);
  }

  /** A photo with a position that could not be removed: its owner's alone, thumbnail aside. */
  public static PlatformError locationNotRemoved(UUID id) {
    return new PlatformError(
        ErrorKind.PERMISSION_DENIED,
        "LOCATION_NOT_REMOVED",
        "File "
            + id
            + " may carry the place it was taken, which could not be removed; only its owner can"
            + " open it.");
  }

  public static PlatformError notOwner() {
    return new PlatformError(
        ErrorKind.PERMISSION_DENIED, "NOT_OWNER", "Only the file's owner may change it.");
  }

  public static PlatformError tooLarge(FileKind kind, long limit) {
    return new PlatformError(
        ErrorKind.PAYLOAD_TOO_LARGE,
        "FILE_TOO_LARGE",
        kind.name().toLowerCase()
            + " files may be at most "
            + Sizes.human(limit)
            + "; this one is larger.");
  }

  public static PlatformError quotaExceeded(long used, long quota) {
    return new PlatformError(
        ErrorKind.PAYLOAD_TOO_LARGE,
        "QUOTA_EXCEEDED",
        "This upload does not fit in your storage: "
            + Sizes.human(used)
            + " of "
            + Sizes.human(quota)
            + " used. Delete some files first.");
  }

  public static PlatformError unsupported(String detected) {
    return new PlatformError(
        ErrorKind.UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_TYPE",
        "The content is "
            + detected
            + ", which is not taken here: upload audio, video, images, PDF or EPUB,"
            + " subtitles (SRT, WebVTT) or a zip of stills.");
  }

  public static PlatformError executable(String detected) {
    return new PlatformError(
        ErrorKind.UNSUPPORTED_MEDIA_TYPE,
        "EXECUTABLE_REJECTED",
        "The content is a program (" + detected + "), whatever its name says: not accepted.");
  }

  public static PlatformError unsafeContent(String reason, String message) {
    return new PlatformError(ErrorKind.INVALID_ARGUMENT, reason, message);
  }
}
