package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.domain.MetadataField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the container readers found in a video, collected as metadata values. */
final class VideoFacts {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  private final Map<String, Object> values = new LinkedHashMap<>();

  void text(MetadataField field, String value) {
    if (value != null && !value.isBlank() && !values.containsKey(field.key())) {
      values.put(field.key(), value.strip());
    }
  }

  void cast(List<String> names) {
    if (!names.isEmpty()) {
      values.put(MetadataField.CAST.key(), List.copyOf(names));
    }
  }

  void year(String date) {
    if (date != null) {
      Matcher m = YEAR.matcher(date);
      if (m.find()) {
        values.putIfAbsent(MetadataField.YEAR.key(), Long.parseLong(m.group(1)));
      }
    }
  }

  void seconds(double seconds) {
    if (seconds > 0 && Double.isFinite(seconds)) {
      values.put(
          MetadataField.DURATION_SECONDS.key(),
          BigDecimal.valueOf(seconds).setScale(2, RoundingMode.HALF_UP));
    }
  }

  void size(long width, long height) {
    if (width > 0 && height > 0 && !values.containsKey(MetadataField.WIDTH.key())) {
      values.put(MetadataField.WIDTH.key(), width);
      values.put(MetadataField.HEIGHT.key(), height);
    }
  }

  void frameRate(double framesPerSecond) {
    if (framesPerSecond > 0 && Double.isFinite(framesPerSecond)) {
      values.putIfAbsent(
          MetadataField.FRAME_RATE.key(),
          plain(BigDecimal.valueOf(framesPerSecond).setScale(3, RoundingMode.HALF_UP)));
    }
  }

  void codec(MetadataField field, String codec) {
    if (codec != null && !codec.isBlank()) {
      values.putIfAbsent(field.key(), codec.strip().toLowerCase(Locale.ROOT));
    }
  }

  void bitrate(long sizeBytes) {
    Object seconds = values.get(MetadataField.DURATION_SECONDS.key());
    if (seconds instanceof BigDecimal s && s.signum() > 0) {
      values.put(
          MetadataField.BITRATE_KBPS.key(), Math.round(sizeBytes * 8 / s.doubleValue() / 1000));
    }
  }

  /** 25.000 as 25 and 29.970 as 29.97 (never 1E+1). */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  Map<String, Object> values() {
    return values;
  }
}
