package io.kinobezdna.files.adapter.out.extract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.kinobezdna.files.domain.MetadataField;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Map;
import java.util.Set;

/**
 * MP4 and QuickTime (ISO base media) files: walks the box tree without reading the media data — the
 * movie header for the duration, each track's header, handler, sample description (codec) and
 * time-to-sample table (frame rate), and the tags in {@code udta} (iTunes-style {@code ilst} items
 * or QuickTime's own text atoms).
 */
final class IsoMediaReader {

  private static final Set<String> CONTAINERS =
      Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "ilst", "edts");

  /** Tag atoms and the fields they fill. ©ART names who made the film: its studio. */
  private static final Map<String, MetadataField> TAGS =
      Map.of(
          "©nam", MetadataField.TITLE,
          "©ART", MetadataField.STUDIO,
          "©dir", MetadataField.DIRECTOR,
          "©gen", MetadataField.GENRE,
          "©cmt", MetadataField.DESCRIPTION);

  private final RandomAccessFile file;
  private final VideoFacts facts = new VideoFacts();
  private String handler = "";
  private long mediaTimescale;
  private long mediaDuration;

  private IsoMediaReader(RandomAccessFile file) {
    this.file = file;
  }

  static Map<String, Object> read(RandomAccessFile file) throws IOException {
    IsoMediaReader reader = new IsoMediaReader(file);
    reader.walk(0, file.length());
    reader.facts.bitrate(file.length());
    return reader.facts.values();
  }

  private void walk(long from, long to) throws IOException {
    long at = from;
    while (at + 8 <= to) {
      file.seek(at);
      long size = Integer.toUnsignedLong(file.readInt());
      String type = fourcc();
      long header = 8;
      if (size == 1) {
        size = file.readLong();
        header = 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < header || at + size > to) {
        return; // a damaged box: keep what was read so far
      }
      box(type, at + header, at + size);
      at += size;
    }
  }

  private void box(String type, long body, long end) throws IOException {
    if (CONTAINERS.contains(type)) {
      if (type.equals("trak")) {
        handler = "";
      }
      walk(body, end);
      return;
    }
    file.seek(body);
    switch (type) {
      case "meta" -> walk(metaChildren(body), end);
      case "mvhd" -> {
        long[] timing = timing();
        facts.seconds((double) timing[1] / timing[0]);
      }
      case "tkhd" -> {
        file.seek(end - 8);
        long width = Integer.toUnsignedLong(file.readInt()) >> 16;
        long height = Integer.toUnsignedLong(file.readInt()) >> 16;
        facts.size(width, height);
      }
      case "mdhd" -> {
        long[] timing = timing();
        mediaTimescale = timing[0];
        mediaDuration = timing[1];
      }
      case "hdlr" -> {
        file.skipBytes(8);
        handler = fourcc();
      }
      case "stsd" -> {
        file.skipBytes(12);
        String codec = fourcc();
        if (handler.equals("vide")) {
          facts.codec(MetadataField.VIDEO_CODEC, codec);
        } else if (handler.equals("soun")) {
          facts.codec(MetadataField.AUDIO_CODEC, codec);
        }
      }
      case "stts" -> {
        if (handler.equals("vide") && mediaTimescale > 0 && mediaDuration > 0) {
          file.skipBytes(4);
          long entries = Integer.toUnsignedLong(file.readInt());
          long samples = 0;
          for (long i = 0; i < entries && file.getFilePointer() + 8 <= end; i++) {
            samples += Integer.toUnsignedLong(file.readInt());
            file.skipBytes(4);
          }
          facts.frameRate(samples / ((double) mediaDuration / mediaTimescale));
        }
      }
      default -> tag(type, body, end);
    }
  }

  /** {@code meta} is a full box in MP4 (4 bytes of version and flags) but not in QuickTime. */
  private long metaChildren(long body) throws IOException {
    file.seek(body + 4);
    String next = fourcc();
    return next.equals("hdlr") || next.equals("ilst") || next.equals("keys") ? body : body + 4;
  }

  private void tag(String type, long body, long end) throws IOException {
    MetadataField field = TAGS.get(type);
    boolean year = type.equals("©day");
    if (field == null && !year) {
      return;
    }
    String value = tagText(body, end);
    if (year) {
      facts.year(value);
    } else {
      facts.text(field, value);
    }
  }

  /** An ilst item holds a {@code data} box; a QuickTime text atom holds size, language, text. */
  private String tagText(long body, long end) throws IOException {
    file.seek(body);
    if (end - body >= 16) {
      file.skipBytes(4);
      if (fourcc().equals("data")) {
        file.skipBytes(8); // type and locale
        return string(end - body - 16, UTF_8);
      }
    }
    file.seek(body);
    int length = file.readUnsignedShort();
    file.skipBytes(2);
    return string(Math.min(length, end - body - 4), UTF_8);
  }

  /** {timescale, duration} of an mvhd or mdhd box (version 0 or 1). */
  private long[] timing() throws IOException {
    int version = file.readUnsignedByte();
    file.skipBytes(3);
    if (version == 1) {
      file.skipBytes(16);
      return new long[] {Integer.toUnsignedLong(file.readInt()), file.readLong()};
    }
    file.skipBytes(8);
    return new long[] {
      Integer.toUnsignedLong(file.readInt()), Integer.toUnsignedLong(file.readInt())
    };
  }

  private String fourcc() throws IOException {
    return string(4, ISO_8859_1);
  }

  private String string(long length, java.nio.charset.Charset charset) throws IOException {
    byte[] bytes = new byte[(int) Math.max(0, Math.min(length, 4096))];
    file.readFully(bytes);
    return new String(bytes, charset);
  }
}
