package io.kinobezdna.files.application.port;

import io.kinobezdna.files.domain.FileKind;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.paging.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Files' rows and their owners' storage use. */
public interface FileRepository {

  /** How much an owner stores and may store. */
  record Usage(long usedBytes, long quotaBytes) {}

  /** Which of an owner's files to list: by kind, by words in names and titles, by artist. */
  record Filter(Optional<FileKind> kind, Optional<String> text, Optional<String> artist) {}

  /**
   * Adds the file and counts its size against the owner's quota, in one transaction; false (and
   * nothing written) when it does not fit.
   */
  boolean insertWithinQuota(StoredFile file, long defaultQuotaBytes);

  /** A file that is not deleted. */
  Optional<StoredFile> find(UUID id);

  Page<StoredFile> listOwned(UUID ownerId, Filter filter, Page.Cursor after, int limit);

  Usage usage(UUID ownerId, long defaultQuotaBytes);

  /** Saves the access and the owner's metadata edits. */
  void updateAccessAndEdits(StoredFile file);

  /**
   * Takes one file whose extraction is pending (or whose previous claim expired) for this worker
   * for the lease; several instances never take the same file.
   */
  Optional<StoredFile> claimPendingExtraction(Instant now, Duration lease);

  void extractionDone(
      UUID id, Map<String, Object> metadata, String thumbnailKey, String cleanCopyKey);

  void extractionFailed(UUID id, String reason);

  /** Marks the file deleted and gives its size back to the owner's quota. */
  boolean softDelete(UUID id, Instant at);

  /** Deleted files whose objects may now go, oldest first. */
  List<StoredFile> deletedBefore(Instant before, int limit);

  void forget(UUID id);
}
