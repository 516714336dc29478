package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.ByteRange;
import io.kinobezdna.files.domain.StoredFile;
import java.io.InputStream;
import java.util.Optional;

/**
 * Bytes a viewer may read: which file they belong to, how big they are, their validator and type —
 * and, once the response has decided what to send, the bytes themselves.
 */
public final class Content {

  private final StoredFile file;
  private final String objectKey;
  private final long sizeBytes;
  private final String etag;
  private final String mediaType;
  private final ObjectStore objects;

  Content(
      StoredFile file,
      String objectKey,
      long sizeBytes,
      String etag,
      String mediaType,
      ObjectStore objects) {
    this.file = file;
    this.objectKey = objectKey;
    this.sizeBytes = sizeBytes;
    this.etag = etag;
    this.mediaType = mediaType;
    this.objects = objects;
  }

  public StoredFile file() {
    return file;
  }

  String objectKey() {
    return objectKey;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String etag() {
    return etag;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The bytes, all of them or one range. */
  public InputStream open(Optional<ByteRange> range) {
    return objects.read(objectKey, range);
  }
}
