package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.application.port.FileRepository.Usage;

/** The bytes the caller's files take and their quota (the configured default unless set). */
public final class GetUsageHandler {

  private final FileRepository files;
  private final long defaultQuotaBytes;

  public GetUsageHandler(FileRepository files, long defaultQuotaBytes) {
    this.files = files;
    this.defaultQuotaBytes = defaultQuotaBytes;
  }

  public Usage handle(GetUsage query) {
    return files.usage(query.caller().userId(), defaultQuotaBytes);
  }
}
