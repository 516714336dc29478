package io.kinobezdna.files.domain;

/** Where a file's metadata extraction is: it runs in the background after the upload. */
public enum ExtractionStatus {
  PENDING,
  DONE,
  FAILED
}
