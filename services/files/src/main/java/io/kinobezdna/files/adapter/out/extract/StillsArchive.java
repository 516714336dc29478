package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.application.port.MetadataExtractor.Extraction;
import io.kinobezdna.files.domain.MetadataField;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * A film's stills or poster set: a zip whose every entry is an image (JPEG, PNG, GIF, WebP, by its
 * magic bytes, within the pixel limit). The first image is the archive's thumbnail.
 */
final class StillsArchive {

  static final int LISTED_NAMES = 20;

  private StillsArchive() {}

  static long check(Path archive) {
    return ZipChecks.check(
        archive,
        (entry, head) -> {
          if (!isImage(head)) {
            throw ZipChecks.unsafe(
                "ARCHIVE_NOT_STILLS",
                "Every entry of a stills archive must be an image; "
                    + entry.getName()
                    + " is not.");
          }
        });
  }

  static Extraction extract(Path archive) throws IOException {
    long expanded = check(archive);
    List<String> names = new ArrayList<>();
    Optional<byte[]> thumbnail = Optional.empty();
    int images = 0;
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).toList()) {
        images++;
        if (names.size() < LISTED_NAMES) {
          names.add(entry.getName());
        }
        if (thumbnail.isEmpty()) {
          try (InputStream in = zip.getInputStream(entry);
              ImageInputStream image = ImageIO.createImageInputStream(in)) {
            thumbnail = Optional.of(Thumbnails.jpegThumbnail(image));
          }
        }
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(MetadataField.IMAGE_COUNT.key(), (long) images);
    values.put(MetadataField.EXPANDED_BYTES.key(), expanded);
    values.put(MetadataField.IMAGE_NAMES.key(), List.copyOf(names));
    return new Extraction(values, thumbnail, Optional.empty());
  }

  static boolean isImage(byte[] head) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(head))) {
      return ImageIO.getImageReaders(in).hasNext();
    } catch (IOException e) {
      return false;
    }
  }
}
