package io.kinobezdna.files.adapter.out.sniff;

import io.kinobezdna.files.application.port.ContentSniffer;
import io.kinobezdna.files.domain.DetectedType;
import io.kinobezdna.files.domain.FileKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Apache Tika's magic-byte detection over the first bytes, with the declared name deliberately left
 * out: a program named {@code cat.jpg} is still a program. The name only matters for plain text,
 * where it tells subtitles (SRT has no magic) from anything else — and even then the text must look
 * like cues.
 */
public final class TikaContentSniffer implements ContentSniffer {

  static final int HEAD_LENGTH = 64 * 1024;

  private static final Map<String, DetectedType> ACCEPTED =
      Map.ofEntries(
          type("audio/mpeg", FileKind.AUDIO, "mp3"),
          type("audio/x-flac", FileKind.AUDIO, "flac"),
          type("audio/flac", FileKind.AUDIO, "flac"),
          type("audio/ogg", FileKind.AUDIO, "ogg"),
          type("audio/vorbis", FileKind.AUDIO, "ogg"),
          type("audio/opus", FileKind.AUDIO, "ogg"),
          type("audio/mp4", FileKind.AUDIO, "m4a"),
          type("audio/x-m4a", FileKind.AUDIO, "m4a"),
          type("video/mp4", FileKind.VIDEO, "mp4"),
          type("video/quicktime", FileKind.VIDEO, "mov"),
          type("video/x-matroska", FileKind.VIDEO, "mkv"),
          type("video/webm", FileKind.VIDEO, "webm"),
          type("video/x-msvideo", FileKind.VIDEO, "avi"),
          type("image/jpeg", FileKind.IMAGE, "jpg"),
          type("image/png", FileKind.IMAGE, "png"),
          type("image/gif", FileKind.IMAGE, "gif"),
          type("image/webp", FileKind.IMAGE, "webp"),
          type("application/pdf", FileKind.DOCUMENT, "pdf"),
          type("application/epub+zip", FileKind.DOCUMENT, "epub"),
          type("text/vtt", FileKind.SUBTITLES, "vtt"),
          type("application/x-subrip", FileKind.SUBTITLES, "srt"),
          type("application/zip", FileKind.STILLS, "zip"));

  private static final DetectedType SRT =
      new DetectedType("application/x-subrip", FileKind.SUBTITLES, "srt");
  private static final DetectedType VTT = ACCEPTED.get("text/vtt");

  private static final Set<String> PROGRAMS =
      Set.of(
          "application/x-msdownload",
          "application/x-dosexec",
          "application/x-executable",
          "application/x-elf",
          "application/x-sharedlib",
          "application/x-mach-o",
          "application/x-mach-o-executable",
          "application/java-vm",
          "application/x-sh",
          "application/x-bat",
          "text/x-python");

  private final MimeTypes tika = MimeTypes.getDefaultMimeTypes();

  private static Map.Entry<String, DetectedType> type(String mediaType, FileKind kind, String ext) {
    return Map.entry(mediaType, new DetectedType(mediaType, kind, ext));
  }

  @Override
  public int headLength() {
    return HEAD_LENGTH;
  }

  @Override
  public Sniffed sniff(byte[] head, String declaredName) {
    String detected = refine(detect(head), head);
    if (isProgram(detected, head)) {
      return new Sniffed(detected, true, Optional.empty());
    }
    Optional<DetectedType> accepted = Optional.ofNullable(ACCEPTED.get(detected));
    if (accepted.isEmpty() && detected.startsWith("text/")) {
      accepted = subtitles(head, declaredName);
    }
    return new Sniffed(detected, false, accepted);
  }

  private String detect(byte[] head) {
    try {
      MediaType type = tika.detect(new ByteArrayInputStream(head), new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Tika's magic stops at the container: every EBML file is Matroska (WebM says so in its DocType)
   * and every ISO media file the same type (its major brand tells QuickTime, M4A and MP4 apart).
   */
  private static String refine(String detected, byte[] head) {
    if (detected.equals("application/x-matroska") || detected.equals("video/x-matroska")) {
      return contains(head, "webm", 64) ? "video/webm" : "video/x-matroska";
    }
    if (head.length >= 12 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
      String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
      return switch (brand) {
        case "qt  " -> "video/quicktime";
        case "M4A ", "M4B " -> "audio/mp4";
        default -> "video/mp4";
      };
    }
    return detected;
  }

  private static boolean contains(byte[] head, String text, int within) {
    return new String(head, 0, Math.min(within, head.length), StandardCharsets.ISO_8859_1)
        .contains(text);
  }

  private static boolean isProgram(String detected, byte[] head) {
    return PROGRAMS.contains(detected)
        || startsWith(head, "MZ")
        || startsWith(head, "\u007fELF")
        || startsWith(head, "#!");
  }

  /** Text is taken as subtitles only when it is named so and reads as cues. */
  private static Optional<DetectedType> subtitles(byte[] head, String declaredName) {
    String name = declaredName.toLowerCase(Locale.ROOT);
    String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
    if (name.endsWith(".vtt") && text.startsWith("WEBVTT")) {
      return Optional.of(VTT);
    }
    if (name.endsWith(".srt") && text.contains("-->")) {
      return Optional.of(SRT);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (head.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (head[i] != p[i]) {
        return false;
      }
    }
    return true;
  }
}
