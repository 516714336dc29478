package io.kinobezdna.files.adapter.out.extract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.kinobezdna.files.domain.MetadataField;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Map;

/**
 * AVI (RIFF): the main header (frame time, frame count, size), each stream's header (its kind and
 * codec) and the INFO list (title, artist, date, genre), skipping the {@code movi} media data.
 */
final class AviReader {

  private static final Map<Integer, String> AUDIO_FORMATS =
      Map.of(0x0001, "pcm", 0x0055, "mp3", 0x00FF, "aac", 0x2000, "ac3", 0x0161, "wma");

  private final RandomAccessFile file;
  private final VideoFacts facts = new VideoFacts();
  private String streamType = "";

  private AviReader(RandomAccessFile file) {
    this.file = file;
  }

  static Map<String, Object> read(RandomAccessFile file) throws IOException {
    AviReader reader = new AviReader(file);
    reader.chunks(12, file.length());
    reader.facts.bitrate(file.length());
    return reader.facts.values();
  }

  private void chunks(long from, long to) throws IOException {
    long at = from;
    while (at + 8 <= to) {
      file.seek(at);
      String id = fourcc();
      long size = Integer.toUnsignedLong(Integer.reverseBytes(file.readInt()));
      long body = at + 8;
      if (body + size > to) {
        size = to - body;
      }
      if (id.equals("LIST")) {
        String list = fourcc();
        if (!list.equals("movi")) {
          chunks(body + 4, body + size);
        }
      } else {
        chunk(id, body);
      }
      at = body + size + (size & 1);
    }
  }

  private void chunk(String id, long body) throws IOException {
    file.seek(body);
    switch (id) {
      case "avih" -> {
        long microsPerFrame = le32();
        file.skipBytes(12);
        long frames = le32();
        file.skipBytes(12);
        long width = le32();
        long height = le32();
        if (microsPerFrame > 0) {
          facts.frameRate(1e6 / microsPerFrame);
          facts.seconds(frames * microsPerFrame / 1e6);
        }
        facts.size(width, height);
      }
      case "strh" -> {
        streamType = fourcc();
        String handler = fourcc().replace("\0", "").strip();
        if (streamType.equals("vids")) {
          facts.codec(MetadataField.VIDEO_CODEC, handler);
        }
      }
      case "strf" -> {
        if (streamType.equals("auds")) {
          int format = Short.toUnsignedInt(Short.reverseBytes(file.readShort()));
          facts.codec(
              MetadataField.AUDIO_CODEC,
              AUDIO_FORMATS.getOrDefault(format, String.format("0x%04x", format)));
        }
      }
      case "INAM" -> facts.text(MetadataField.TITLE, info(body));
      case "IART" -> facts.text(MetadataField.STUDIO, info(body));
      case "IGNR" -> facts.text(MetadataField.GENRE, info(body));
      case "ICMT" -> facts.text(MetadataField.DESCRIPTION, info(body));
      case "ICRD" -> facts.year(info(body));
      default -> {
        // index, junk and per-stream extras
      }
    }
  }

  private String info(long body) throws IOException {
    file.seek(body - 4);
    long size = Integer.toUnsignedLong(Integer.reverseBytes(file.readInt()));
    byte[] bytes = new byte[(int) Math.min(size, 4096)];
    file.readFully(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "").strip();
  }

  private long le32() throws IOException {
    return Integer.toUnsignedLong(Integer.reverseBytes(file.readInt()));
  }

  private String fourcc() throws IOException {
    byte[] bytes = new byte[4];
    file.readFully(bytes);
    return new String(bytes, ISO_8859_1);
  }
}
