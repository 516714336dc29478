package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.domain.FileMetadata;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.PlatformError.FieldViolation;
import java.util.LinkedHashMap;
import java.util.Map;

/** The owner edits a file's metadata; every invalid field is reported and nothing changes. */
public final class EditFileMetadataHandler {

  private final FileRepository files;

  public EditFileMetadataHandler(FileRepository files) {
    this.files = files;
  }

  public StoredFile handle(EditFileMetadata command) {
    StoredFile file = OwnedFiles.owned(files, command.caller(), command.fileId());
    Map<String, String> problems = new LinkedHashMap<>();
    FileMetadata edited = file.metadata().edit(file.type().kind(), command.changes(), problems);
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
}
