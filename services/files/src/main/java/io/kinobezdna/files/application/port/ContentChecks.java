package io.kinobezdna.files.application.port;

import io.kinobezdna.files.domain.DetectedType;
import java.nio.file.Path;

/**
 * Safety checks beyond the type: decompression bombs (an image with too many pixels, an archive
 * that expands too far) and archive entries that are not what they claim. Each throws a {@code
 * PlatformError} naming what is wrong.
 */
public interface ContentChecks {

  /** Checks what the first bytes already tell (an image's size in pixels is in its header). */
  void checkHead(byte[] head, DetectedType type);

  /** Whether this type is only safe once the whole content has been looked at. */
  boolean needsWholeCheck(DetectedType type);

  void checkWhole(Path content, DetectedType type);
}
