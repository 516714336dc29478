package io.kinobezdna.files.domain;

import java.util.UUID;

/** Where a file's objects live in the bucket. */
public final class ObjectKeys {

  private ObjectKeys() {}

  public static String original(UUID fileId) {
    return "files/" + fileId;
  }

  public static String thumbnail(UUID fileId) {
    return "files/" + fileId + ".thumb.jpg";
  }

  public static String cleanCopy(UUID fileId) {
    return "files/" + fileId + ".clean";
  }

  /** Where a client's direct (presigned) upload lands before it is checked and becomes a file. */
  public static String incoming(UUID uploadId) {
    return "incoming/" + uploadId;
  }
}
