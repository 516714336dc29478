package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.domain.StoredFile;

/** A file the viewer may read; every other file is not found (404), whether it exists or not. */
public final class GetFileHandler {

  private final FileRepository files;

  public GetFileHandler(FileRepository files) {
    this.files = files;
  }

  public StoredFile handle(GetFile query) {
    return files
        .find(query.fileId())
        .filter(f -> f.readableBy(query.viewer()))
        .orElseThrow(() -> Problems.fileNotFound(query.fileId()));
  }
}
