package io.kinobezdna.files.adapter.out.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.kinobezdna.files.Samples;
import io.kinobezdna.files.adapter.out.sniff.TikaContentSniffer;
import io.kinobezdna.files.application.port.ContentSniffer.Sniffed;
import io.kinobezdna.files.application.port.MetadataExtractor.Extraction;
import io.kinobezdna.files.domain.DetectedType;
import io.kinobezdna.platform.errors.PlatformError;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every type the service takes, sniffed from its bytes and read by its extractor. */
class FileExtractorsTest {

  private final TikaContentSniffer sniffer = new TikaContentSniffer();
  private final FileExtractors extractors = new FileExtractors();
  @TempDir Path dir;

  private DetectedType type(byte[] content, String name) {
    Sniffed sniffed =
        sniffer.sniff(Arrays.copyOf(content, Math.min(content.length, sniffer.headLength())), name);
    assertThat(sniffed.accepted()).as("accepted: %s (%s)", name, sniffed.mediaType()).isPresent();
    return sniffed.accepted().get();
  }

  private Extraction extract(byte[] content, String name) throws Exception {
    Path file = Files.write(dir.resolve("content.tmp"), content);
    return extractors.extract(file, type(content, name));
  }

  private Map<String, Object> metadata(String sample) throws Exception {
    return extract(Samples.committed(sample), sample).metadata();
  }

  @ParameterizedTest
  @CsvSource({
    "tone.mp3, audio/mpeg, AUDIO",
    "tone.flac, audio/x-flac, AUDIO",
    "tone.ogg, audio/vorbis, AUDIO",
    "tone.m4a, audio/mp4, AUDIO",
    "clip.mp4, video/mp4, VIDEO",
    "clip.mov, video/quicktime, VIDEO",
    "clip.mkv, video/x-matroska, VIDEO",
    "clip.webm, video/webm, VIDEO",
    "clip.avi, video/x-msvideo, VIDEO",
    "photo.jpg, image/jpeg, IMAGE",
    "still.png, image/png, IMAGE",
    "still.gif, image/gif, IMAGE",
    "still.webp, image/webp, IMAGE"
  })
  void samplesAreTakenAsWhatTheyAre(String sample, String mediaType, String kind) {
    // named wrongly on purpose: the content decides
    DetectedType type = type(Samples.committed(sample), "misnamed.txt");
    assertThat(type.mediaType()).isEqualTo(mediaType);
    assertThat(type.kind().name()).isEqualTo(kind);
  }

  @Test
  void programsAreRecognisedWhateverTheirName() {
    Sniffed exe = sniffer.sniff(Samples.windowsProgram(), "cat.jpg");
    assertThat(exe.executable()).isTrue();
    assertThat(exe.accepted()).isEmpty();
    Sniffed script = sniffer.sniff("#!/bin/sh\nrm -rf /\n".getBytes(), "notes.srt");
    assertThat(script.executable()).isTrue();
    Sniffed text = sniffer.sniff("just some words".getBytes(), "poster.jpg");
    assertThat(text.executable()).isFalse();
    assertThat(text.accepted()).isEmpty();
  }

  @Test
  void mp3TagsAndStream() throws Exception {
    Map<String, Object> mp3 = metadata("tone.mp3");
    assertThat(mp3)
        .containsEntry("artist", "Bezdna Orchestra")
        .containsEntry("album", "Night Reels")
        .containsEntry("title", "Opening Titles")
        .containsEntry("trackNumber", 3L)
        .containsEntry("year", 1927L)
        .containsEntry("genre", "Soundtrack")
        .containsEntry("sampleRateHz", 22050L)
        .containsEntry("coverArt", false);
    assertThat((Long) mp3.get("bitrateKbps")).isBetween(30L, 36L); // 32 kbit/s, plus tags
    assertThat((BigDecimal) mp3.get("durationSeconds"))
        .isBetween(new BigDecimal("1.9"), new BigDecimal("2.2"));
  }

  @ParameterizedTest
  @CsvSource({
    "tone.flac, Intermission, 4, 1928",
    "tone.ogg, Finale, 5, 1929",
    "tone.m4a, Credits, 6, 1930"
  })
  void otherAudioTags(String sample, String title, long track, long year) throws Exception {
    Map<String, Object> audio = metadata(sample);
    assertThat(audio)
        .containsEntry("title", title)
        .containsEntry("artist", "Bezdna Orchestra")
        .containsEntry("trackNumber", track)
        .containsEntry("year", year);
    assertThat((BigDecimal) audio.get("durationSeconds"))
        .isBetween(new BigDecimal("1.9"), new BigDecimal("2.2"));
  }

  @Test
  void mp4ContainerFacts() throws Exception {
    Map<String, Object> mp4 = metadata("clip.mp4");
    assertThat(mp4)
        .containsEntry("title", "Harbour Lights")
        .containsEntry("studio", "Studio Bezdna")
        .containsEntry("year", 1931L)
        .containsEntry("width", 64L)
        .containsEntry("height", 36L)
        .containsEntry("videoCodec", "avc1")
        .containsEntry("audioCodec", "mp4a")
        .containsEntry("frameRate", new BigDecimal("10"));
    assertThat((BigDecimal) mp4.get("durationSeconds"))
        .isBetween(new BigDecimal("1.9"), new BigDecimal("2.2"));
    assertThat(metadata("clip.mov"))
        .containsEntry("title", "Harbour Lights")
        .containsEntry("width", 64L);
  }

  @Test
  void matroskaTracksAndTags() throws Exception {
    Map<String, Object> mkv = metadata("clip.mkv");
    assertThat(mkv)
        .containsEntry("title", "Harbour Lights")
        .containsEntry("director", "Ada Reel")
        .containsEntry("studio", "Studio Bezdna")
        .containsEntry("year", 1931L)
        .containsEntry("width", 64L)
        .containsEntry("height", 36L)
        .containsEntry("videoCodec", "h264")
        .containsEntry("audioCodec", "vorbis");
    assertThat((BigDecimal) mkv.get("durationSeconds"))
        .isBetween(new BigDecimal("1.9"), new BigDecimal("2.2"));
    assertThat(metadata("clip.webm"))
        .containsEntry("videoCodec", "vp8")
        .containsEntry("height", 36L);
  }

  @Test
  void aviHeaders() throws Exception {
    Map<String, Object> avi = metadata("clip.avi");
    assertThat(avi)
        .containsEntry("title", "Harbour Lights")
        .containsEntry("studio", "Studio Bezdna")
        .containsEntry("width", 64L)
        .containsEntry("height", 36L)
        .containsEntry("frameRate", new BigDecimal("10"))
        .containsEntry("videoCodec", "mjpg")
        .containsEntry("audioCodec", "pcm");
    assertThat((BigDecimal) avi.get("durationSeconds"))
        .isBetween(new BigDecimal("1.9"), new BigDecimal("2.1"));
  }

  @Test
  void photoExifThumbnailAndACopyWithoutTheLocation() throws Exception {
    Extraction photo = extract(Samples.committed("photo.jpg"), "photo.jpg");
    assertThat(photo.metadata())
        .containsEntry("width", 320L)
        .containsEntry("height", 200L)
        .containsEntry("camera", "Kinobezdna Reel Cam 35")
        .containsEntry("takenAt", "1931-05-04T18:30:00Z")
        .containsEntry("orientation", 6L)
        .containsEntry("locationRemoved", true);
    var thumbnail = ImageIO.read(new ByteArrayInputStream(photo.thumbnailJpeg().orElseThrow()));
    // orientation 6: the 320×200 picture is shown a quarter turn round, upright
    assertThat(thumbnail.getWidth()).isEqualTo(200);
    assertThat(thumbnail.getHeight()).isEqualTo(320);

    byte[] clean = photo.cleanCopy().orElseThrow();
    var exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(clean));
    assertThat(exif.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    assertThat(
            exif.getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getInt(ExifIFD0Directory.TAG_ORIENTATION))
        .isEqualTo(6);
    assertThat(ImageIO.read(new ByteArrayInputStream(clean)).getWidth()).isEqualTo(320);
  }

  @Test
  void aPhotoWhoseExifCannotBeReadIsStrippedAsIfItHadALocation() throws Exception {
    byte[] photo = Samples.committed("photo.jpg");
    // an EXIF block whose first directory lies far past the end of the file
    byte[] garbled = {
      (byte) 0xFF,
      (byte) 0xE1,
      0,
      16,
      'E',
      'x',
      'i',
      'f',
      0,
      0,
      'M',
      'M',
      0,
      42,
      (byte) 0x7F,
      (byte) 0xFF,
      (byte) 0xFF,
      0
    };
    byte[] image = new byte[photo.length + garbled.length];
    System.arraycopy(photo, 0, image, 0, 2);
    System.arraycopy(garbled, 0, image, 2, garbled.length);
    System.arraycopy(photo, 2, image, 2 + garbled.length, photo.length - 2);

    Extraction extracted = extract(image, "garbled.jpg");

    assertThat(extracted.metadata()).containsEntry("locationRemoved", true);
    byte[] clean = extracted.cleanCopy().orElseThrow();
    var exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(clean));
    assertThat(exif.hasErrors()).as("the unreadable block is gone").isFalse();
    assertThat(exif.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    assertThat(ImageIO.read(new ByteArrayInputStream(clean)).getWidth()).isEqualTo(320);
  }

  @Test
  void anImageThatCannotBeStrippedIsMarkedSoItsOriginalStaysWithItsOwner() throws Exception {
    byte[] png = Samples.committed("located.png");
    // after IEND, a chunk that claims two gigabytes: the copy without the location cannot be made
    byte[] broken = {
      0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF5, 't', 'E', 'X', 't', 'G', 'P', 'S', '!'
    };
    byte[] image = new byte[png.length + broken.length];
    System.arraycopy(png, 0, image, 0, png.length);
    System.arraycopy(broken, 0, image, png.length, broken.length);

    Extraction extracted = extract(image, "broken.png");

    assertThat(extracted.metadata())
        .containsEntry("width", 320L)
        .containsEntry("locationRemoved", false);
    assertThat(extracted.cleanCopy()).isEmpty();
    assertThat(extracted.thumbnailJpeg()).as("drawn from the pixels alone").isPresent();
  }

  @ParameterizedTest
  @CsvSource({"still.png", "still.gif", "still.webp"})
  void otherImagesHaveSizeAndThumbnailButNothingToStrip(String sample) throws Exception {
    Extraction image = extract(Samples.committed(sample), sample);
    assertThat(image.metadata()).containsEntry("width", 320L).containsEntry("height", 200L);
    assertThat(image.thumbnailJpeg()).isPresent();
    assertThat(image.cleanCopy()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"located.png", "located.webp"})
  void pngAndWebpLoseTheirLocationLosslessly(String sample) throws Exception {
    byte[] original = Samples.committed(sample);
    assertThat(
            ImageMetadataReader.readMetadata(new ByteArrayInputStream(original))
                .getFirstDirectoryOfType(GpsDirectory.class))
        .isNotNull();
    Extraction image = extract(original, sample);
    assertThat(image.metadata()).containsEntry("locationRemoved", true);
    byte[] clean = image.cleanCopy().orElseThrow();
    assertThat(
            ImageMetadataReader.readMetadata(new ByteArrayInputStream(clean))
                .getFirstDirectoryOfType(GpsDirectory.class))
        .isNull();
    var pixels = ImageIO.read(new ByteArrayInputStream(clean));
    var before = ImageIO.read(new ByteArrayInputStream(original));
    assertThat(pixels.getRGB(10, 10)).isEqualTo(before.getRGB(10, 10));
    assertThat(pixels.getRGB(300, 190)).isEqualTo(before.getRGB(300, 190));
  }

  @Test
  void pixelBombsAreRefusedFromTheHeader() {
    byte[] bomb = Samples.pixelBombPng();
    DetectedType png = type(bomb, "bomb.png");
    assertThatThrownBy(() -> extractors.checkHead(bomb, png))
        .isInstanceOf(PlatformError.class)
        .hasMessageContaining("100000×100000");
  }

  @Test
  void pdfInformationAndFirstPage() throws Exception {
    Extraction pdf = extract(Samples.pdf(), "script.pdf");
    assertThat(pdf.metadata())
        .containsEntry("title", "Harbour Lights — screenplay")
        .containsEntry("author", "Ada Reel")
        .containsEntry("language", "en-GB")
        .containsEntry("pages", 2L);
    assertThat(pdf.thumbnailJpeg()).isPresent();
  }

  @Test
  void epubPackageDocument() throws Exception {
    byte[] epub = Samples.epub();
    assertThat(type(epub, "book.zip").extension()).isEqualTo("epub");
    assertThat(extract(epub, "book.epub").metadata())
        .containsEntry("title", "Notes from the Abyss")
        .containsEntry("author", "Ivan Plyonka")
        .containsEntry("language", "ru")
        .containsEntry("year", 1932L)
        .containsEntry("chapters", 3L);
  }

  @Test
  void subtitles() throws Exception {
    Map<String, Object> srt = extract(Samples.srt(), "film.ru.srt").metadata();
    assertThat(srt)
        .containsEntry("cueCount", 3L)
        .containsEntry("durationSeconds", new BigDecimal("65.75"))
        .containsEntry("language", "ru")
        .containsEntry(
            "firstLines", List.of("Где мы?", "В бездне, конечно.", "Тише, фильм начинается."));
    Map<String, Object> vtt = extract(Samples.vtt(), "film.vtt").metadata();
    assertThat(vtt)
        .containsEntry("cueCount", 2L)
        .containsEntry("durationSeconds", new BigDecimal("4.00"))
        .containsEntry("language", "en");
  }

  @Test
  void stillsArchive() throws Exception {
    Extraction stills = extract(Samples.stills(), "stills.zip");
    assertThat(stills.metadata())
        .containsEntry("imageCount", 3L)
        .containsEntry("imageNames", List.of("stills/01.png", "stills/02.jpg", "stills/03.gif"));
    assertThat(stills.thumbnailJpeg()).isPresent();
  }

  @Test
  void archivesThatAreNotStillsOrEscapeTheirFolderOrExplode() throws Exception {
    DetectedType zip = type(Samples.stills(), "x.zip");
    Path notStills =
        Files.write(
            dir.resolve("a.zip"), Samples.zip(false, Map.of("readme.txt", "hi".getBytes())));
    assertThatThrownBy(() -> extractors.checkWhole(notStills, zip))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.reason()).isEqualTo("ARCHIVE_NOT_STILLS"));
    Path escaping =
        Files.write(
            dir.resolve("b.zip"),
            Samples.zip(false, Map.of("../../etc/poster.png", Samples.committed("still.png"))));
    assertThatThrownBy(() -> extractors.checkWhole(escaping, zip))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.reason()).isEqualTo("ARCHIVE_UNSAFE_PATH"));
    Path bomb = Files.write(dir.resolve("c.zip"), Samples.zipBomb());
    assertThatThrownBy(() -> extractors.checkWhole(bomb, zip))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.reason()).isEqualTo("ARCHIVE_EXPANDS_TOO_FAR"));
  }

  @Test
  void damagedContentFailsWithAReason() throws Exception {
    byte[] broken = Arrays.copyOf(Samples.committed("tone.flac"), 200);
    Path file = Files.write(dir.resolve("broken.flac"), broken);
    DetectedType flac = type(broken, "broken.flac");
    assertThatThrownBy(() -> extractors.extract(file, flac)).hasMessageContaining("cannot be read");
  }
}
