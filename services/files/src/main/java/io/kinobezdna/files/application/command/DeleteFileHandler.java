package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.port.FileRepository;
import java.time.Clock;

/** Deletes at once for every reader; the bytes go a little later, in the background. */
public final class DeleteFileHandler {

  private final FileRepository files;
  private final Clock clock;

  public DeleteFileHandler(FileRepository files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  public void handle(DeleteFile command) {
    OwnedFiles.owned(files, command.caller(), command.fileId());
    files.softDelete(command.fileId(), clock.instant());
  }
}
