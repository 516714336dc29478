package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.ByteRange;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A file's bytes for a viewer who may read them: the original for its owner, the clean copy (no GPS
 * position) for everyone else when there is one, or the thumbnail. A photo whose location could not
 * be removed is its owner's alone (its thumbnail, drawn from the pixels, is still shown).
 */
public final class ContentQueries {

  /** Which bytes of a file. */
  public enum Variant {
    CONTENT,
    THUMBNAIL
  }

  /** What a response serves: which object, how big, its validator, its type and download name. */
  public record Served(
      StoredFile file, String objectKey, long sizeBytes, String etag, String mediaType) {}

  /** A presigned URL and when it stops working. */
  public record Link(URI url, Instant expiresAt) {}

  private final FileQueries queries;
  private final ObjectStore objects;
  private final Clock clock;
  private final Duration linkValidFor;

  public ContentQueries(
      FileQueries queries, ObjectStore objects, Clock clock, Duration linkValidFor) {
    this.queries = queries;
    this.objects = objects;
    this.clock = clock;
    this.linkValidFor = linkValidFor;
  }

  public Served describe(Optional<UUID> viewer, UUID id, Variant variant) {
    StoredFile file = queries.get(viewer, id);
    if (variant == Variant.THUMBNAIL) {
      if (file.thumbnailKey() == null) {
        throw new PlatformError(
            ErrorKind.NOT_FOUND, "NO_THUMBNAIL", "File " + id + " has no thumbnail.");
      }
      return served(file, file.thumbnailKey(), file.etag() + "-thumb", "image/jpeg");
    }
    String key = file.objectKeyFor(viewer).orElseThrow(() -> Problems.locationNotRemoved(id));
    if (key.equals(file.objectKey())) {
      return new Served(file, key, file.sizeBytes(), file.etag(), file.type().mediaType());
    }
    return served(file, key, file.etag() + "-clean", file.type().mediaType());
  }

  private Served served(StoredFile file, String key, String etag, String mediaType) {
    long size = objects.size(key).orElseThrow(() -> Problems.fileNotFound(file.id()));
    return new Served(file, key, size, etag, mediaType);
  }

  public InputStream open(Served served, Optional<ByteRange> range) {
    return objects.read(served.objectKey(), range);
  }

  /** A time-limited URL that downloads the file straight from the object store. */
  public Link downloadLink(Optional<UUID> viewer, UUID id) {
    Served served = describe(viewer, id, Variant.CONTENT);
    Instant expiresAt = clock.instant().plus(linkValidFor);
    URI url =
        objects.presignedRead(
            served.objectKey(), served.file().name(), served.mediaType(), linkValidFor);
    return new Link(url, expiresAt);
  }
}
