package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.application.port.MetadataExtractor.Extraction;
import io.kinobezdna.files.application.port.MetadataExtractor.ExtractionFailed;
import io.kinobezdna.files.domain.MetadataField;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.mp3.MP3AudioHeader;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.images.Artwork;

/**
 * Audio (mp3, flac, ogg, m4a) through jaudiotagger: the stream's header (duration, bitrate, sample
 * rate, channels, codec) and the tags (ID3, Vorbis comments, iTunes atoms), with the cover art as
 * the thumbnail.
 */
final class AudioMetadata {

  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d{1,4})");

  /** Held here so the level set on it stays (java.util.logging keeps loggers weakly). */
  private static final Logger JAUDIOTAGGER = Logger.getLogger("org.jaudiotagger");

  static {
    // jaudiotagger reports every tag frame it reads at INFO
    JAUDIOTAGGER.setLevel(Level.WARNING);
  }

  private AudioMetadata() {}

  static Extraction extract(Path file, String extension) throws IOException {
    AudioFile audio;
    try {
      audio = AudioFileIO.readAs(file.toFile(), extension);
    } catch (Exception e) {
      throw new ExtractionFailed("the audio stream cannot be read: " + e.getMessage(), e);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    AudioHeader header = audio.getAudioHeader();
    if (header != null) {
      values.put(
          MetadataField.DURATION_SECONDS.key(),
          BigDecimal.valueOf(header.getPreciseTrackLength()).setScale(2, RoundingMode.HALF_UP));
      putNumber(values, MetadataField.BITRATE_KBPS, bitrate(file, header));
      putNumber(values, MetadataField.SAMPLE_RATE_HZ, header.getSampleRateAsNumber());
      number(header.getChannels()).ifPresent(c -> values.put(MetadataField.CHANNELS.key(), c));
      if (header.getEncodingType() != null && !header.getEncodingType().isBlank()) {
        values.put(MetadataField.AUDIO_CODEC.key(), header.getEncodingType().strip());
      }
    }
    Tag tag = audio.getTag();
    Optional<byte[]> thumbnail = Optional.empty();
    if (tag != null) {
      text(tag, FieldKey.TITLE).ifPresent(v -> values.put(MetadataField.TITLE.key(), v));
      text(tag, FieldKey.ARTIST).ifPresent(v -> values.put(MetadataField.ARTIST.key(), v));
      text(tag, FieldKey.ALBUM).ifPresent(v -> values.put(MetadataField.ALBUM.key(), v));
      text(tag, FieldKey.GENRE).ifPresent(v -> values.put(MetadataField.GENRE.key(), v));
      text(tag, FieldKey.TRACK)
          .flatMap(AudioMetadata::number)
          .ifPresent(v -> values.put(MetadataField.TRACK_NUMBER.key(), v));
      text(tag, FieldKey.YEAR)
          .flatMap(AudioMetadata::number)
          .ifPresent(v -> values.put(MetadataField.YEAR.key(), v));
      Artwork artwork = tag.getFirstArtwork();
      values.put(MetadataField.COVER_ART.key(), artwork != null);
      if (artwork != null && artwork.getBinaryData() != null) {
        thumbnail = cover(artwork.getBinaryData());
      }
    }
    return new Extraction(values, thumbnail, Optional.empty());
  }

  /**
   * An MP3's average bitrate from its audio bytes and duration: jaudiotagger reports the first
   * frame's, and encoders write that one (the Info frame) at whatever rate fits the VBR header.
   */
  private static Number bitrate(Path file, AudioHeader header) throws IOException {
    if (header instanceof MP3AudioHeader mp3 && header.getPreciseTrackLength() > 0) {
      long audioBytes = java.nio.file.Files.size(file) - mp3.getMp3StartByte();
      return Math.round(audioBytes * 8 / header.getPreciseTrackLength() / 1000);
    }
    return header.getBitRateAsNumber();
  }

  private static Optional<byte[]> cover(byte[] picture) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(picture))) {
      return Optional.of(Thumbnails.jpegThumbnail(in));
    } catch (ExtractionFailed unreadableCover) {
      return Optional.empty(); // the tags are still worth having
    }
  }

  private static Optional<String> text(Tag tag, FieldKey key) {
    try {
      String value = tag.getFirst(key);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.empty(); // a tag format without this field
    }
  }

  private static void putNumber(Map<String, Object> values, MetadataField field, Number n) {
    if (n != null && n.longValue() > 0) {
      values.put(field.key(), n.longValue());
    }
  }

  /** The first number in a text such as "3/12", "1927-05-04" or "2 (stereo)". */
  private static Optional<Long> number(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FIRST_NUMBER.matcher(text);
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }
}
