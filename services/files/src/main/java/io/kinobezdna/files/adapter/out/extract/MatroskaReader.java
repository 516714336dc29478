package io.kinobezdna.files.adapter.out.extract;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.kinobezdna.files.domain.MetadataField;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matroska and WebM (EBML): reads the segment's info (duration, title), tracks (codec, pixel size,
 * frame duration) and tags (title, director, actors, studio, date), stepping over clusters — the
 * media data — by their sizes, so a large file costs a few seeks.
 */
final class MatroskaReader {

  private static final long SEGMENT = 0x18538067L;
  private static final long INFO = 0x1549A966L;
  private static final long TIMECODE_SCALE = 0x2AD7B1L;
  private static final long DURATION = 0x4489L;
  private static final long TITLE = 0x7BA9L;
  private static final long TRACKS = 0x1654AE6BL;
  private static final long TRACK_ENTRY = 0xAEL;
  private static final long TRACK_TYPE = 0x83L;
  private static final long CODEC_ID = 0x86L;
  private static final long DEFAULT_DURATION = 0x23E383L;
  private static final long VIDEO = 0xE0L;
  private static final long PIXEL_WIDTH = 0xB0L;
  private static final long PIXEL_HEIGHT = 0xBAL;
  private static final long TAGS = 0x1254C367L;
  private static final long TAG = 0x7373L;
  private static final long SIMPLE_TAG = 0x67C8L;
  private static final long TAG_NAME = 0x45A3L;
  private static final long TAG_STRING = 0x4487L;
  private static final long CLUSTER = 0x1F43B675L;
  private static final long UNKNOWN_SIZE = -1;

  private static final Map<String, String> CODECS =
      Map.of(
          "V_MPEG4/ISO/AVC", "h264",
          "V_MPEGH/ISO/HEVC", "hevc",
          "V_VP8", "vp8",
          "V_VP9", "vp9",
          "V_AV1", "av1",
          "A_AAC", "aac",
          "A_VORBIS", "vorbis",
          "A_OPUS", "opus",
          "A_FLAC", "flac");

  private final RandomAccessFile file;
  private final VideoFacts facts = new VideoFacts();
  private final List<String> cast = new ArrayList<>();
  private long timecodeScale = 1_000_000;
  private double duration;

  private MatroskaReader(RandomAccessFile file) {
    this.file = file;
  }

  static Map<String, Object> read(RandomAccessFile file) throws IOException {
    MatroskaReader reader = new MatroskaReader(file);
    reader.elements(0, file.length(), null);
    reader.facts.seconds(reader.duration * reader.timecodeScale / 1e9);
    reader.facts.cast(reader.cast);
    reader.facts.bitrate(file.length());
    return reader.facts.values();
  }

  /** One level of elements; {@code into} collects a track's or a tag's children. */
  private void elements(long from, long to, Track into) throws IOException {
    long at = from;
    while (at < to) {
      file.seek(at);
      long id = vint(true);
      long size = vint(false);
      long body = file.getFilePointer();
      if (id < 0) {
        return;
      }
      if (size == UNKNOWN_SIZE) {
        if (id == SEGMENT) {
          elements(body, to, into); // a live-written segment: read on to the end
        }
        return; // an unsized cluster: the media data runs on; nothing after it is readable
      }
      long end = body + size;
      element(id, body, end, into);
      at = end;
    }
  }

  /** What a track entry or a simple tag holds, gathered before it is used. */
  private static final class Track {
    long type;
    String codec;
    long defaultDuration;
    long width;
    long height;
    String tagName;
    String tagValue;
  }

  private void element(long id, long body, long end, Track into) throws IOException {
    if (id == SEGMENT || id == INFO || id == TRACKS || id == TAGS || id == TAG || id == VIDEO) {
      elements(body, end, into);
    } else if (id == TRACK_ENTRY) {
      Track track = new Track();
      elements(body, end, track);
      String codec = CODECS.getOrDefault(track.codec, track.codec);
      if (track.type == 1) {
        facts.codec(MetadataField.VIDEO_CODEC, codec);
        facts.size(track.width, track.height);
        if (track.defaultDuration > 0) {
          facts.frameRate(1e9 / track.defaultDuration);
        }
      } else if (track.type == 2) {
        facts.codec(MetadataField.AUDIO_CODEC, codec);
      }
    } else if (id == SIMPLE_TAG) {
      Track tag = new Track();
      elements(body, end, tag);
      tag(tag.tagName, tag.tagValue);
    } else if (id == CLUSTER) {
      return; // media data
    } else {
      leaf(id, end - body, into);
    }
  }

  private void leaf(long id, long size, Track into) throws IOException {
    if (id == TIMECODE_SCALE) {
      timecodeScale = unsigned(size);
    } else if (id == DURATION) {
      duration = size == 4 ? file.readFloat() : file.readDouble();
    } else if (id == TITLE) {
      facts.text(MetadataField.TITLE, text(size));
    } else if (into != null) {
      if (id == TRACK_TYPE) {
        into.type = unsigned(size);
      } else if (id == CODEC_ID) {
        into.codec = text(size);
      } else if (id == DEFAULT_DURATION) {
        into.defaultDuration = unsigned(size);
      } else if (id == PIXEL_WIDTH) {
        into.width = unsigned(size);
      } else if (id == PIXEL_HEIGHT) {
        into.height = unsigned(size);
      } else if (id == TAG_NAME) {
        into.tagName = text(size);
      } else if (id == TAG_STRING) {
        into.tagValue = text(size);
      }
    }
  }

  private void tag(String name, String value) {
    if (name == null || value == null) {
      return;
    }
    switch (name.toUpperCase(Locale.ROOT)) {
      case "TITLE" -> facts.text(MetadataField.TITLE, value);
      case "DIRECTOR" -> facts.text(MetadataField.DIRECTOR, value);
      case "PRODUCTION_STUDIO", "ARTIST" -> facts.text(MetadataField.STUDIO, value);
      case "GENRE" -> facts.text(MetadataField.GENRE, value);
      case "ACTOR" -> cast.add(value.strip());
      case "DATE_RELEASED", "DATE_RECORDED", "DATE" -> facts.year(value);
      case "DESCRIPTION", "COMMENT" -> facts.text(MetadataField.DESCRIPTION, value);
      default -> {
        // other tags (ENCODER, DURATION per track…) are not metadata people look for
      }
    }
  }

  /** An EBML variable-length integer: an element id keeps its marker bit, a size does not. */
  private long vint(boolean keepMarker) throws IOException {
    int first = file.read();
    if (first <= 0) {
      return -1;
    }
    int length = Integer.numberOfLeadingZeros(first) - 23;
    long value = keepMarker ? first : first & (0xFF >> length);
    boolean allOnes = value == (0xFF >> length);
    for (int i = 1; i < length; i++) {
      int next = file.read();
      value = (value << 8) | next;
      allOnes &= next == 0xFF;
    }
    return !keepMarker && allOnes ? UNKNOWN_SIZE : value;
  }

  private long unsigned(long size) throws IOException {
    long value = 0;
    for (long i = 0; i < size && i < 8; i++) {
      value = (value << 8) | file.read();
    }
    return value;
  }

  private String text(long size) throws IOException {
    byte[] bytes = new byte[(int) Math.min(size, 4096)];
    file.readFully(bytes);
    return new String(bytes, UTF_8).replace("\0", "").strip();
  }
}
