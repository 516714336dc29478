package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.application.query.GetContent.Variant;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;

/**
 * Which bytes a viewer gets: the original for its owner, the clean copy (no GPS position) for
 * everyone else when there is one, or the thumbnail. A photo whose location could not be removed is
 * its owner's alone (its thumbnail, drawn from the pixels, is still shown).
 */
public final class GetContentHandler {

  private final GetFileHandler getFile;
  private final ObjectStore objects;

  public GetContentHandler(GetFileHandler getFile, ObjectStore objects) {
    this.getFile = getFile;
    this.objects = objects;
  }

  public Content handle(GetContent query) {
    StoredFile file = getFile.handle(new GetFile(query.viewer(), query.fileId()));
    if (query.variant() == Variant.THUMBNAIL) {
      if (file.thumbnailKey() == null) {
        throw new PlatformError(
            ErrorKind.NOT_FOUND, "NO_THUMBNAIL", "File " + file.id() + " has no thumbnail.");
      }
      return measured(file, file.thumbnailKey(), file.etag() + "-thumb", "image/jpeg");
    }
    String key =
        file.objectKeyFor(query.viewer()).orElseThrow(() -> Problems.locationNotRemoved(file.id()));
    if (key.equals(file.objectKey())) {
      return new Content(
          file, key, file.sizeBytes(), file.etag(), file.type().mediaType(), objects);
    }
    return measured(file, key, file.etag() + "-clean", file.type().mediaType());
  }

  /** A derived object (clean copy, thumbnail): its size is the object store's. */
  private Content measured(StoredFile file, String key, String etag, String mediaType) {
    long size = objects.size(key).orElseThrow(() -> Problems.fileNotFound(file.id()));
    return new Content(file, key, size, etag, mediaType, objects);
  }
}
