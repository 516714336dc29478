package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.application.port.MetadataExtractor.Extraction;
import io.kinobezdna.files.domain.MetadataField;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SubRip and WebVTT: counts the cues, takes the end of the last one as the duration and the first
 * lines of text as a preview. The language is WebVTT's {@code Language:} header when there is one,
 * otherwise guessed from the script (Cyrillic: ru, Latin: en) — the owner can correct it. Files
 * that are not UTF-8 are read as Windows-1251, the usual encoding of older Russian subtitles.
 */
final class SubtitleMetadata {

  static final int PREVIEW_LINES = 3;

  private static final Pattern TIMING =
      Pattern.compile(
          "(?:(\\d+):)?(\\d{1,2}):(\\d{2})[,.](\\d{3})\\s*-->\\s*(?:(\\d+):)?(\\d{1,2}):(\\d{2})[,.](\\d{3})");
  private static final Pattern LANGUAGE =
      Pattern.compile("(?m)^Language:\\s*([A-Za-z-]{2,12})\\s*$");

  private SubtitleMetadata() {}

  static Extraction extract(Path file) throws IOException {
    String text = decode(Files.readAllBytes(file)).replace("\uFEFF", "").replace("\r\n", "\n");
    int cues = 0;
    double end = 0;
    List<String> preview = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher timing = TIMING.matcher(lines[i]);
      if (!timing.find()) {
        continue;
      }
      cues++;
      end = Math.max(end, seconds(timing, 5));
      for (int j = i + 1; j < lines.length && !lines[j].isBlank(); j++) {
        if (preview.size() < PREVIEW_LINES) {
          preview.add(lines[j].replaceAll("<[^>]{1,40}>", "").strip());
        }
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(MetadataField.CUE_COUNT.key(), (long) cues);
    values.put(
        MetadataField.DURATION_SECONDS.key(),
        BigDecimal.valueOf(end).setScale(2, RoundingMode.HALF_UP));
    values.put(MetadataField.FIRST_LINES.key(), List.copyOf(preview));
    language(text).ifPresent(l -> values.put(MetadataField.LANGUAGE.key(), l));
    return new Extraction(values, Optional.empty(), Optional.empty());
  }

  private static double seconds(Matcher m, int group) {
    long hours = m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    return hours * 3600
        + Long.parseLong(m.group(group + 1)) * 60
        + Long.parseLong(m.group(group + 2))
        + Long.parseLong(m.group(group + 3)) / 1000.0;
  }

  private static Optional<String> language(String text) {
    Matcher declared = LANGUAGE.matcher(text.substring(0, Math.min(text.length(), 2000)));
    if (declared.find()) {
      return Optional.of(declared.group(1).toLowerCase());
    }
    long cyrillic = 0;
    long latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
        cyrillic++;
      } else if (Character.isLetter(c) && c < 0x250) {
        latin++;
      }
    }
    if (cyrillic + latin == 0) {
      return Optional.empty();
    }
    return Optional.of(cyrillic > latin / 2 ? "ru" : "en");
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, Charset.forName("windows-1251"));
    }
  }
}
