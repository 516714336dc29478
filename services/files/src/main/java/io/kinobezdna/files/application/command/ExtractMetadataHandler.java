package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.application.port.MetadataExtractor;
import io.kinobezdna.files.application.port.MetadataExtractor.Extraction;
import io.kinobezdna.files.application.port.MetadataExtractor.ExtractionFailed;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.ObjectKeys;
import io.kinobezdna.files.domain.StoredFile;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Extracts one pending file's metadata: claims it (so another instance does not), copies the object
 * to a temporary file (extractors seek; the heap never holds the file), stores the thumbnail and
 * the clean copy if there are any, and records the result — or the reason it failed.
 */
public final class ExtractMetadataHandler {

  private static final Logger log = System.getLogger(ExtractMetadataHandler.class.getName());

  private final FileRepository files;
  private final ObjectStore objects;
  private final MetadataExtractor extractor;
  private final Clock clock;
  private final Duration lease;

  public ExtractMetadataHandler(
      FileRepository files,
      ObjectStore objects,
      MetadataExtractor extractor,
      Clock clock,
      Duration lease) {
    this.files = files;
    this.objects = objects;
    this.extractor = extractor;
    this.clock = clock;
    this.lease = lease;
  }

  /** Extracts one pending file; false when there was none. */
  public boolean handle() {
    Optional<StoredFile> claimed = files.claimPendingExtraction(clock.instant(), lease);
    claimed.ifPresent(this::extract);
    return claimed.isPresent();
  }

  private void extract(StoredFile file) {
    Path copy = null;
    try {
      copy = Files.createTempFile("kb-files-extract-", ".tmp");
      objects.download(file.objectKey(), copy);
      Extraction found = extractor.extract(copy, file.type());
      String thumbnail = null;
      if (found.thumbnailJpeg().isPresent()) {
        thumbnail = ObjectKeys.thumbnail(file.id());
        objects.putBytes(thumbnail, found.thumbnailJpeg().get(), "image/jpeg");
      }
      String clean = null;
      if (found.cleanCopy().isPresent()) {
        clean = ObjectKeys.cleanCopy(file.id());
        objects.putBytes(clean, found.cleanCopy().get(), file.type().mediaType());
      }
      files.extractionDone(file.id(), found.metadata(), thumbnail, clean);
    } catch (ExtractionFailed e) {
      log.log(Level.INFO, "file {0}: metadata extraction failed: {1}", file.id(), e.getMessage());
      files.extractionFailed(file.id(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      // Not the content's fault (the store was unreachable, a disk full): the claim expires and
      // the file is tried again.
      log.log(Level.WARNING, "file " + file.id() + ": metadata extraction will be retried", e);
    } finally {
      FileAdmission.deleteQuietly(copy);
    }
  }
}
