package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.ContentChecks;
import io.kinobezdna.files.application.port.MetadataExtractor;
import io.kinobezdna.files.domain.DetectedType;
import io.kinobezdna.files.domain.FileKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Metadata extraction and content checks by type: jaudiotagger for audio, our own container readers
 * for video (ISO media, Matroska, AVI: they read headers and skip the media), EXIF via
 * metadata-extractor and ImageIO for images, PDFBox for PDF, and small readers for EPUB, subtitles
 * and stills archives.
 */
public final class FileExtractors implements MetadataExtractor, ContentChecks {

  @Override
  public Extraction extract(Path content, DetectedType type) {
    try {
      return switch (type.kind()) {
        case AUDIO -> AudioMetadata.extract(content, type.extension());
        case VIDEO -> video(content, type);
        case IMAGE -> ImageMetadata.extract(content, type.mediaType());
        case DOCUMENT ->
            type.extension().equals("epub")
                ? EpubMetadata.extract(content)
                : PdfMetadata.extract(content);
        case SUBTITLES -> SubtitleMetadata.extract(content);
        case STILLS -> StillsArchive.extract(content);
      };
    } catch (ExtractionFailed e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // A parser giving up on malformed content: the owner sees why, the service carries on.
      throw new ExtractionFailed(
          "the " + type.extension() + " content cannot be read: " + describe(e), e);
    }
  }

  private static Extraction video(Path content, DetectedType type) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(content.toFile(), "r")) {
      Map<String, Object> values =
          switch (type.extension()) {
            case "mkv", "webm" -> MatroskaReader.read(file);
            case "avi" -> AviReader.read(file);
            default -> IsoMediaReader.read(file);
          };
      return new Extraction(values, Optional.empty(), Optional.empty());
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public void checkHead(byte[] head, DetectedType type) {
    if (type.kind() != FileKind.IMAGE) {
      return;
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(head))) {
      Optional<Thumbnails.Size> size = Thumbnails.size(in);
      if (size.isPresent() && size.get().pixels() > Thumbnails.MAX_PIXELS) {
        throw Problems.unsafeContent(
            "IMAGE_TOO_MANY_PIXELS",
            "The image is "
                + size.get().width()
                + "×"
                + size.get().height()
                + " pixels; at most "
                + Thumbnails.MAX_PIXELS / 1_000_000
                + " megapixels are taken.");
      }
    } catch (IOException unreadableHeader) {
      // the header is beyond the first bytes: extraction checks the size again before decoding
    }
  }

  @Override
  public boolean needsWholeCheck(DetectedType type) {
    return type.kind() == FileKind.STILLS || type.extension().equals("epub");
  }

  @Override
  public void checkWhole(Path content, DetectedType type) {
    if (type.kind() == FileKind.STILLS) {
      StillsArchive.check(content);
    } else if (type.extension().equals("epub")) {
      EpubMetadata.check(content);
    }
  }
}
