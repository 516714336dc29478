package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.application.port.FileRepository.Filter;
import io.kinobezdna.files.application.port.FileRepository.Usage;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import java.util.Optional;
import java.util.UUID;

/** Reading files' descriptions: one file, one's own files, one's storage use. */
public final class FileQueries {

  public static final int MAX_TEXT = 100;

  private final FileRepository files;
  private final long defaultQuotaBytes;

  public FileQueries(FileRepository files, long defaultQuotaBytes) {
    this.files = files;
    this.defaultQuotaBytes = defaultQuotaBytes;
  }

  /** A file this viewer may read (empty: not signed in); 404 for every other. */
  public StoredFile get(Optional<UUID> viewer, UUID id) {
    return files
        .find(id)
        .filter(f -> f.readableBy(viewer))
        .orElseThrow(() -> Problems.fileNotFound(id));
  }

  public Page<StoredFile> mine(Caller caller, Filter filter, String cursor, Integer limit) {
    requireShort("q", filter.text());
    requireShort("artist", filter.artist());
    return files.listOwned(caller.userId(), filter, Page.cursor(cursor), Page.size(limit));
  }

  private static void requireShort(String field, Optional<String> text) {
    if (text.filter(t -> t.length() > MAX_TEXT).isPresent()) {
      throw PlatformError.invalidField(field, "may be at most " + MAX_TEXT + " characters");
    }
  }

  public Usage usage(Caller caller) {
    return files.usage(caller.userId(), defaultQuotaBytes);
  }
}
