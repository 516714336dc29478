package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.BackgroundWork;
import io.kinobezdna.files.application.port.ContentChecks;
import io.kinobezdna.files.application.port.ContentSniffer;
import io.kinobezdna.files.application.port.ContentSniffer.Sniffed;
import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.application.port.FileRepository.Usage;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.DetectedType;
import io.kinobezdna.files.domain.SafeFileName;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.errors.PlatformError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The checks every new file passes, however its bytes arrived (streamed through us or sent straight
 * to the object store): real type from the content, a safe name, limits per kind and quota,
 * decompression bombs — and the one place a stored object becomes a file row, or is deleted again
 * so that a refused upload leaves nothing behind.
 */
public final class FileAdmission {

  /** What the first bytes and the name told: the type we take the file as and its safe name. */
  public record Admitted(DetectedType type, String name) {}

  private final ContentSniffer sniffer;
  private final ContentChecks checks;
  private final ObjectStore objects;
  private final FileRepository files;
  private final BackgroundWork background;
  private final long defaultQuotaBytes;

  public FileAdmission(
      ContentSniffer sniffer,
      ContentChecks checks,
      ObjectStore objects,
      FileRepository files,
      BackgroundWork background,
      long defaultQuotaBytes) {
    this.sniffer = sniffer;
    this.checks = checks;
    this.objects = objects;
    this.files = files;
    this.background = background;
    this.defaultQuotaBytes = defaultQuotaBytes;
  }

  int headLength() {
    return sniffer.headLength();
  }

  Admitted admitHead(byte[] head, String declaredName) {
    if (head.length == 0) {
      throw PlatformError.invalidField("file", "is empty");
    }
    Sniffed sniffed = sniffer.sniff(head, declaredName == null ? "" : declaredName);
    if (sniffed.executable()) {
      throw Problems.executable(sniffed.mediaType());
    }
    DetectedType type =
        sniffed.accepted().orElseThrow(() -> Problems.unsupported(sniffed.mediaType()));
    String name =
        SafeFileName.of(declaredName, type)
            .orElseThrow(() -> PlatformError.invalidField("file", "needs a file name"));
    checks.checkHead(head, type);
    return new Admitted(type, name);
  }

  Usage usage(UUID ownerId) {
    return files.usage(ownerId, defaultQuotaBytes);
  }

  /** Refuses a file of this size that its kind's limit or the owner's free space cannot take. */
  void requireFits(DetectedType type, Usage usage, long sizeBytes) {
    if (sizeBytes > type.kind().maxBytes()) {
      throw Problems.tooLarge(type.kind(), type.kind().maxBytes());
    }
    if (usage.usedBytes() + sizeBytes > usage.quotaBytes()) {
      throw Problems.quotaExceeded(usage.usedBytes(), usage.quotaBytes());
    }
  }

  /**
   * Turns a stored object into a file: the whole-content checks its type needs, then the row,
   * counted against the quota in the same transaction. Any refusal deletes the object.
   */
  StoredFile register(StoredFile file) {
    try {
      if (checks.needsWholeCheck(file.type())) {
        checkWhole(file);
      }
      if (!files.insertWithinQuota(file, defaultQuotaBytes)) {
        Usage usage = usage(file.ownerId());
        throw Problems.quotaExceeded(usage.usedBytes(), usage.quotaBytes());
      }
    } catch (RuntimeException refused) {
      objects.delete(file.objectKey());
      throw refused;
    }
    background.fileAdded();
    return file;
  }

  private void checkWhole(StoredFile file) {
    Path copy = null;
    try {
      copy = Files.createTempFile("kb-files-check-", ".tmp");
      objects.download(file.objectKey(), copy);
      checks.checkWhole(copy, file.type());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(copy);
    }
  }

  static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a temporary file the OS cleans up anyway
      }
    }
  }
}
