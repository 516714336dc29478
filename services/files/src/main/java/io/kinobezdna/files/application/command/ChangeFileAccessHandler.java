package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.domain.StoredFile;

/** The owner changes who may read a file. */
public final class ChangeFileAccessHandler {

  private final FileRepository files;

  public ChangeFileAccessHandler(FileRepository files) {
    this.files = files;
  }

  public StoredFile handle(ChangeFileAccess command) {
    StoredFile changed =
        OwnedFiles.owned(files, command.caller(), command.fileId())
            .withAccess(command.visibility(), command.sharedWith());
    files.updateAccessAndEdits(changed);
    return changed;
  }
}
