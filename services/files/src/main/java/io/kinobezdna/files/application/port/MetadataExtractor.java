package io.kinobezdna.files.application.port;

import io.kinobezdna.files.domain.DetectedType;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads typed metadata out of a file's content. */
public interface MetadataExtractor {

  /**
   * What was found: metadata values by field key, a JPEG thumbnail when the content has a picture,
   * and a copy of the content without private metadata when the original carries some.
   */
  record Extraction(
      Map<String, Object> metadata, Optional<byte[]> thumbnailJpeg, Optional<byte[]> cleanCopy) {}

  /** Content we cannot read: the reason is shown to the owner. */
  final class ExtractionFailed extends RuntimeException {
    public ExtractionFailed(String reason) {
      super(reason);
    }

    public ExtractionFailed(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  Extraction extract(Path content, DetectedType type);
}
