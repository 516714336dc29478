package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.port.DirectUploads;
import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.ObjectKeys;
import io.kinobezdna.files.domain.StoredFile;
import java.time.Clock;
import java.time.Duration;

/**
 * The second step of deleting: once a deleted file has stayed deleted for the grace period, its
 * objects go and then its row. Expired direct uploads that were never completed go too.
 */
public final class PurgeHandler {

  private static final int BATCH = 100;

  private final FileRepository files;
  private final DirectUploads uploads;
  private final ObjectStore objects;
  private final Clock clock;
  private final Duration grace;

  public PurgeHandler(
      FileRepository files,
      DirectUploads uploads,
      ObjectStore objects,
      Clock clock,
      Duration grace) {
    this.files = files;
    this.uploads = uploads;
    this.objects = objects;
    this.clock = clock;
    this.grace = grace;
  }

  /** Purges one batch; returns how many files and uploads went. */
  public int handle() {
    int purged = 0;
    for (StoredFile file : files.deletedBefore(clock.instant().minus(grace), BATCH)) {
      objects.delete(file.objectKey());
      if (file.thumbnailKey() != null) {
        objects.delete(file.thumbnailKey());
      }
      if (file.cleanCopyKey() != null) {
        objects.delete(file.cleanCopyKey());
      }
      files.forget(file.id()); // last: a crash before it only repeats the deletes
      purged++;
    }
    for (var upload : uploads.expiredBefore(clock.instant(), BATCH)) {
      objects.delete(ObjectKeys.incoming(upload.id()));
      uploads.remove(upload.id());
      purged++;
    }
    return purged;
  }
}
