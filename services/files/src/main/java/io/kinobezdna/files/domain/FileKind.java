package io.kinobezdna.files.domain;

/**
 * What a file is, judged from its content. Each kind has its own size limit: a subtitle file of a
 * gigabyte is not a subtitle file.
 */
public enum FileKind {
  AUDIO(1L << 30),
  VIDEO(2L << 30),
  IMAGE(50L << 20),
  DOCUMENT(200L << 20),
  SUBTITLES(5L << 20),
  /** An archive of stills or a poster set: a zip of images. */
  STILLS(500L << 20);

  private final long maxBytes;

  FileKind(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
