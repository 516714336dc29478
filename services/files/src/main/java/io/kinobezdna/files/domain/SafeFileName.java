package io.kinobezdna.files.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A client's file name made safe to store and to send back in Content-Disposition: only the last
 * path segment (no "../", no drive letters), no control or reserved characters, no leading dots, at
 * most {@value #MAX_LENGTH} characters, and the extension of the real type.
 */
public final class SafeFileName {

  public static final int MAX_LENGTH = 120;

  private SafeFileName() {}

  /** The safe name, or empty when nothing usable is left of the given one. */
  public static Optional<String> of(String declared, DetectedType type) {
    if (declared == null) {
      return Optional.empty();
    }
    String name = Normalizer.normalize(declared, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && "<>:\"|?*".indexOf(c) < 0)
        .forEach(kept::appendCodePoint);
    String base = kept.toString().strip().replaceAll("^\\.+", "").strip();
    int dot = base.lastIndexOf('.');
    String stem = (dot > 0 ? base.substring(0, dot) : base).strip();
    if (stem.isEmpty()) {
      return Optional.empty();
    }
    String extension = "." + type.extension();
    int room = MAX_LENGTH - extension.length();
    if (stem.length() > room) {
      int end = Character.isHighSurrogate(stem.charAt(room - 1)) ? room - 1 : room;
      stem = stem.substring(0, end).strip();
    }
    return Optional.of(stem + extension.toLowerCase(Locale.ROOT));
  }
}
