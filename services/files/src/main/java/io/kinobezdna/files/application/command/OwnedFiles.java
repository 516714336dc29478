package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.domain.StoredFile;
import java.util.Optional;
import java.util.UUID;

/**
 * Only its owner changes a file. Someone who cannot read the file is told it does not exist (404);
 * someone who can but does not own it is refused (403).
 */
final class OwnedFiles {

  private OwnedFiles() {}

  static StoredFile owned(FileRepository files, Caller caller, UUID fileId) {
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
