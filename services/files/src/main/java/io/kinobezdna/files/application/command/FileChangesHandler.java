package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.domain.FileMetadata;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.files.domain.Visibility;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.PlatformError.FieldViolation;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an owner changes about a file: its metadata, who may read it, whether it exists. Someone who
 * cannot read the file is told it does not exist (404); someone who can but does not own it is
 * refused (403). Nothing changes on any refusal.
 */
public final class FileChangesHandler {

  public static final int MAX_SHARED_WITH = 100;

  private final FileRepository files;
  private final Clock clock;

  public FileChangesHandler(FileRepository files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  public StoredFile editMetadata(Caller caller, UUID fileId, Map<String, Object> changes) {
    StoredFile file = owned(caller, fileId);
    if (changes == null || changes.isEmpty()) {
      throw PlatformError.invalidField("fields", "name at least one field to change");
    }
    Map<String, String> problems = new LinkedHashMap<>();
    FileMetadata edited = file.metadata().edit(file.type().kind(), changes, problems);
    if (!problems.isEmpty()) {
      throw PlatformError.invalid(
          problems.entrySet().stream()
              .map(p -> new FieldViolation("fields." + p.getKey(), p.getValue()))
              .toList());
    }
    StoredFile changed = file.withMetadata(edited);
    files.updateAccessAndEdits(changed);
    return changed;
  }

  public StoredFile changeAccess(
      Caller caller, UUID fileId, Visibility visibility, Set<UUID> sharedWith) {
    if (visibility == null) {
      throw PlatformError.invalidField("visibility", "must be PRIVATE, SHARED or PUBLIC");
    }
    Set<UUID> readers = sharedWith == null ? Set.of() : sharedWith;
    if (visibility == Visibility.SHARED && readers.isEmpty()) {
      throw PlatformError.invalidField("sharedWith", "name at least one user to share with");
    }
    if (readers.size() > MAX_SHARED_WITH) {
      throw PlatformError.invalidField(
          "sharedWith", "may name at most " + MAX_SHARED_WITH + " users");
    }
    if (readers.contains(caller.userId())) {
      throw PlatformError.invalidField("sharedWith", "is for other users: you own the file");
    }
    StoredFile changed = owned(caller, fileId).withAccess(visibility, readers);
    files.updateAccessAndEdits(changed);
    return changed;
  }

  /** Deletes at once for every reader; the bytes go a little later, in the background. */
  public void delete(Caller caller, UUID fileId) {
    owned(caller, fileId);
    files.softDelete(fileId, clock.instant());
  }

  private StoredFile owned(Caller caller, UUID fileId) {
    StoredFile file =
        files
            .find(fileId)
            .filter(f -> f.readableBy(Optional.of(caller.userId())))
            .orElseThrow(() -> Problems.fileNotFound(fileId));
    if (!file.ownedBy(caller.userId())) {
      throw Problems.notOwner();
    }
    return file;
  }
}
