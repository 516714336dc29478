package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.paging.Page;

/** The caller's files, newest first, one cursor page at a time. */
public final class ListMyFilesHandler {

  private final FileRepository files;

  public ListMyFilesHandler(FileRepository files) {
    this.files = files;
  }

  public Page<StoredFile> handle(ListMyFiles query) {
    return files.listOwned(
        query.caller().userId(),
        query.filter(),
        Page.cursor(query.cursor()),
        Page.size(query.limit()));
  }
}
