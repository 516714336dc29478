package io.kinobezdna.files.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A file someone uploaded: where its bytes are, what it really is, who may read it, and what is
 * known about it. {@code cleanCopyKey} names a copy without private metadata (an image's GPS
 * position) that everyone but the owner is served instead of the original.
 */
public record StoredFile(
    UUID id,
    UUID ownerId,
    String name,
    DetectedType type,
    long sizeBytes,
    String etag,
    String objectKey,
    Visibility visibility,
    Set<UUID> sharedWith,
    Instant createdAt,
    ExtractionStatus extraction,
    String extractionError,
    FileMetadata metadata,
    String thumbnailKey,
    String cleanCopyKey) {

  public StoredFile {
    sharedWith = Set.copyOf(sharedWith);
  }

  /** A freshly uploaded file: private, metadata pending. */
  public static StoredFile uploaded(
      UUID id,
      UUID ownerId,
      String name,
      DetectedType type,
      long sizeBytes,
      String etag,
      String objectKey,
      Visibility visibility,
      Instant createdAt) {
    return new StoredFile(
        id,
        ownerId,
        name,
        type,
        sizeBytes,
        etag,
        objectKey,
        visibility,
        Set.of(),
        createdAt,
        ExtractionStatus.PENDING,
        null,
        FileMetadata.NONE,
        null,
        null);
  }

  public boolean ownedBy(UUID userId) {
    return ownerId.equals(userId);
  }

  /** Whether this viewer (empty: someone not signed in) may read the file. */
  public boolean readableBy(Optional<UUID> viewer) {
    return switch (visibility) {
      case PUBLIC -> true;
      case SHARED -> viewer.filter(v -> ownedBy(v) || sharedWith.contains(v)).isPresent();
      case PRIVATE -> viewer.filter(this::ownedBy).isPresent();
    };
  }

  /**
   * The object a viewer is served: the owner gets the original, others the clean copy if any — and
   * nothing (empty) when the file carries a location that could not be removed.
   */
  public Optional<String> objectKeyFor(Optional<UUID> viewer) {
    if (viewer.filter(this::ownedBy).isPresent()) {
      return Optional.of(objectKey);
    }
    if (cleanCopyKey != null) {
      return Optional.of(cleanCopyKey);
    }
    boolean locationKept =
        metadata.value(MetadataField.LOCATION_REMOVED).filter(Boolean.FALSE::equals).isPresent();
    return locationKept ? Optional.empty() : Optional.of(objectKey);
  }

  public StoredFile withAccess(Visibility newVisibility, Set<UUID> newSharedWith) {
    return new StoredFile(
        id,
        ownerId,
        name,
        type,
        sizeBytes,
        etag,
        objectKey,
        newVisibility,
        newVisibility == Visibility.SHARED ? newSharedWith : Set.of(),
        createdAt,
        extraction,
        extractionError,
        metadata,
        thumbnailKey,
        cleanCopyKey);
  }

  public StoredFile withMetadata(FileMetadata newMetadata) {
    return new StoredFile(
        id,
        ownerId,
        name,
        type,
        sizeBytes,
        etag,
        objectKey,
        visibility,
        sharedWith,
        createdAt,
        extraction,
        extractionError,
        newMetadata,
        thumbnailKey,
        cleanCopyKey);
  }
}
