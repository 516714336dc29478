package io.kinobezdna.files.adapter.out.extract;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import io.kinobezdna.files.application.port.MetadataExtractor.Extraction;
import io.kinobezdna.files.application.port.MetadataExtractor.ExtractionFailed;
import io.kinobezdna.files.domain.MetadataField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Images: size from the header (refused past the pixel limit before any decoding), camera, taken-at
 * and orientation from EXIF (metadata-extractor), a thumbnail, and — when the photo carries a GPS
 * position, or metadata that could not be read completely — a copy without it for everyone but the
 * owner. When no such copy can be made, {@code locationRemoved} is false and only the owner gets
 * the original.
 */
final class ImageMetadata {

  private ImageMetadata() {}

  static Extraction extract(Path file, String mediaType) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    Thumbnails.Size size;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      size =
          Thumbnails.size(in).orElseThrow(() -> new ExtractionFailed("the image cannot be read"));
    }
    Thumbnails.requireWithinPixelLimit(size);
    values.put(MetadataField.WIDTH.key(), (long) size.width());
    values.put(MetadataField.HEIGHT.key(), (long) size.height());
    int orientation = 1;
    // Fail closed: metadata we could not read completely may hold a position we did not see.
    boolean mayBeLocated;
    try {
      Metadata exif = ImageMetadataReader.readMetadata(file.toFile());
      ExifIFD0Directory ifd0 = exif.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (ifd0 != null) {
        camera(ifd0).ifPresent(c -> values.put(MetadataField.CAMERA.key(), c));
        if (ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
          orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
          values.put(MetadataField.ORIENTATION.key(), (long) orientation);
        }
      }
      ExifSubIFDDirectory sub = exif.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
      Date taken = sub == null ? null : sub.getDateOriginal(TimeZone.getTimeZone(ZoneOffset.UTC));
      if (taken != null) {
        values.put(MetadataField.TAKEN_AT.key(), taken.toInstant().toString());
      }
      GpsDirectory gps = exif.getFirstDirectoryOfType(GpsDirectory.class);
      mayBeLocated = (gps != null && gps.getTagCount() > 0) || exif.hasErrors();
    } catch (ImageProcessingException | com.drew.metadata.MetadataException | RuntimeException e) {
      mayBeLocated = true;
    }
    Optional<byte[]> clean = Optional.empty();
    if (mayBeLocated) {
      clean = stripped(file, mediaType, orientation);
      // false: others are refused the original (StoredFile.objectKeyFor)
      values.put(MetadataField.LOCATION_REMOVED.key(), clean.isPresent());
    }
    byte[] thumbnail;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      thumbnail = Thumbnails.jpegThumbnail(in, orientation);
    }
    return new Extraction(values, Optional.of(thumbnail), clean);
  }

  /** The copy without metadata blocks; empty when the format is not stripped or stripping fails. */
  private static Optional<byte[]> stripped(Path file, String mediaType, int orientation)
      throws IOException {
    byte[] image = Files.readAllBytes(file);
    try {
      return LocationStripper.strip(image, mediaType, orientation);
    } catch (RuntimeException malformed) {
      return Optional.empty(); // a segment runs past the end: no copy we could vouch for
    }
  }

  private static Optional<String> camera(ExifIFD0Directory ifd0) {
    String make = ifd0.getString(ExifIFD0Directory.TAG_MAKE);
    String model = ifd0.getString(ExifIFD0Directory.TAG_MODEL);
    if (model == null) {
      return Optional.ofNullable(make).map(String::strip);
    }
    return Optional.of(
        (make == null || model.startsWith(make) ? model : make.strip() + " " + model).strip());
  }
}
