package io.kinobezdna.files.domain;

import static io.kinobezdna.files.domain.FileKind.AUDIO;
import static io.kinobezdna.files.domain.FileKind.DOCUMENT;
import static io.kinobezdna.files.domain.FileKind.IMAGE;
import static io.kinobezdna.files.domain.FileKind.STILLS;
import static io.kinobezdna.files.domain.FileKind.SUBTITLES;
import static io.kinobezdna.files.domain.FileKind.VIDEO;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every metadata field a file may have: its name in the API, its type, the kinds of file that have
 * it, and whether the owner may edit it. Descriptive fields (titles, people, years) are editable;
 * measured ones (duration, size in pixels, codecs, counts) are what the content says and stay so.
 */
public enum MetadataField {
  TITLE("title", Type.TEXT, true, EnumSet.allOf(FileKind.class)),
  ARTIST("artist", Type.TEXT, true, EnumSet.of(AUDIO)),
  ALBUM("album", Type.TEXT, true, EnumSet.of(AUDIO)),
  TRACK_NUMBER("trackNumber", Type.INTEGER, true, EnumSet.of(AUDIO)),
  YEAR("year", Type.INTEGER, true, EnumSet.of(AUDIO, VIDEO, DOCUMENT)),
  GENRE("genre", Type.TEXT, true, EnumSet.of(AUDIO, VIDEO)),
  STUDIO("studio", Type.TEXT, true, EnumSet.of(VIDEO)),
  DIRECTOR("director", Type.TEXT, true, EnumSet.of(VIDEO)),
  CAST("cast", Type.TEXT_LIST, true, EnumSet.of(VIDEO)),
  AUTHOR("author", Type.TEXT, true, EnumSet.of(DOCUMENT)),
  LANGUAGE("language", Type.TEXT, true, EnumSet.of(DOCUMENT, SUBTITLES)),
  DESCRIPTION("description", Type.TEXT, true, EnumSet.allOf(FileKind.class)),
  DURATION_SECONDS("durationSeconds", Type.DECIMAL, false, EnumSet.of(AUDIO, VIDEO, SUBTITLES)),
  BITRATE_KBPS("bitrateKbps", Type.INTEGER, false, EnumSet.of(AUDIO, VIDEO)),
  SAMPLE_RATE_HZ("sampleRateHz", Type.INTEGER, false, EnumSet.of(AUDIO)),
  CHANNELS("channels", Type.INTEGER, false, EnumSet.of(AUDIO)),
  AUDIO_CODEC("audioCodec", Type.TEXT, false, EnumSet.of(AUDIO, VIDEO)),
  COVER_ART("coverArt", Type.BOOLEAN, false, EnumSet.of(AUDIO)),
  WIDTH("width", Type.INTEGER, false, EnumSet.of(VIDEO, IMAGE)),
  HEIGHT("height", Type.INTEGER, false, EnumSet.of(VIDEO, IMAGE)),
  FRAME_RATE("frameRate", Type.DECIMAL, false, EnumSet.of(VIDEO)),
  VIDEO_CODEC("videoCodec", Type.TEXT, false, EnumSet.of(VIDEO)),
  CAMERA("camera", Type.TEXT, false, EnumSet.of(IMAGE)),
  TAKEN_AT("takenAt", Type.TEXT, false, EnumSet.of(IMAGE)),
  ORIENTATION("orientation", Type.INTEGER, false, EnumSet.of(IMAGE)),
  /** The original carries a GPS position; everyone but the owner gets a copy without it. */
  LOCATION_REMOVED("locationRemoved", Type.BOOLEAN, false, EnumSet.of(IMAGE)),
  PAGES("pages", Type.INTEGER, false, EnumSet.of(DOCUMENT)),
  CHAPTERS("chapters", Type.INTEGER, false, EnumSet.of(DOCUMENT)),
  CUE_COUNT("cueCount", Type.INTEGER, false, EnumSet.of(SUBTITLES)),
  FIRST_LINES("firstLines", Type.TEXT_LIST, false, EnumSet.of(SUBTITLES)),
  IMAGE_COUNT("imageCount", Type.INTEGER, false, EnumSet.of(STILLS)),
  EXPANDED_BYTES("expandedBytes", Type.INTEGER, false, EnumSet.of(STILLS)),
  IMAGE_NAMES("imageNames", Type.TEXT_LIST, false, EnumSet.of(STILLS));

  /** What a field's value is in JSON. */
  public enum Type {
    TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    TEXT_LIST
  }

  private final String key;
  private final Type type;
  private final boolean editable;
  private final Set<FileKind> kinds;

  MetadataField(String key, Type type, boolean editable, Set<FileKind> kinds) {
    this.key = key;
    this.type = type;
    this.editable = editable;
    this.kinds = kinds;
  }

  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  public boolean editable() {
    return editable;
  }

  public boolean appliesTo(FileKind kind) {
    return kinds.contains(kind);
  }

  public static Optional<MetadataField> byKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }
}
