package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.application.Problems;
import io.kinobezdna.platform.errors.PlatformError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Limits for zip-based files (stills archives, EPUBs) against zip bombs and path tricks: at most
 * {@value #MAX_ENTRIES} entries, every name a plain relative path, and the bytes actually inflated
 * — counted while reading, not trusted from the headers — at most {@value #MAX_RATIO} times the
 * archive and never more than 1 GiB.
 */
final class ZipChecks {

  static final int MAX_ENTRIES = 2_000;
  static final long MAX_EXPANDED = 1L << 30;
  static final long MAX_RATIO = 100;

  /** Looks at each entry's first bytes (the entry is a directory when the stream is null). */
  interface EntryCheck {
    void check(ZipEntry entry, byte[] head);
  }

  private ZipChecks() {}

  /** Checks the archive and returns how many bytes it expands to. */
  static long check(Path archive, EntryCheck entryCheck) {
    long limit = Math.min(MAX_EXPANDED, sizeOf(archive) * MAX_RATIO);
    long expanded = 0;
    int entries = 0;
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw unsafe(
              "ARCHIVE_TOO_MANY_ENTRIES", "The archive has more than " + MAX_ENTRIES + " entries.");
        }
        requireSafeName(entry.getName());
        if (entry.isDirectory()) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          byte[] head = in.readNBytes(64);
          expanded += head.length;
          byte[] buffer = new byte[64 * 1024];
          for (int n; (n = in.read(buffer)) > 0; ) {
            expanded += n;
            if (expanded > limit) {
              throw unsafe(
                  "ARCHIVE_EXPANDS_TOO_FAR",
                  "The archive expands to more than "
                      + limit / (1024 * 1024)
                      + " MiB: refused as a possible zip bomb.");
            }
          }
          entryCheck.check(entry, head);
        }
      }
    } catch (ZipException e) {
      throw unsafe("ARCHIVE_DAMAGED", "The archive cannot be read: " + e.getMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (expanded > limit) {
      throw unsafe("ARCHIVE_EXPANDS_TOO_FAR", "The archive expands too far.");
    }
    return expanded;
  }

  static void requireSafeName(String name) {
    String normalized = name.replace('\\', '/');
    boolean unsafe =
        normalized.startsWith("/")
            || normalized.matches("^[A-Za-z]:.*")
            || ("/" + normalized + "/").contains("/../")
            || name.chars().anyMatch(Character::isISOControl);
    if (unsafe) {
      throw unsafe(
          "ARCHIVE_UNSAFE_PATH",
          "The archive has an entry outside its own folder: " + name.strip());
    }
  }

  static PlatformError unsafe(String reason, String message) {
    return Problems.unsafeContent(reason, message);
  }

  private static long sizeOf(Path archive) {
    try {
      return Files.size(archive);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
