package io.kinobezdna.files.application;

import java.util.Locale;

/** Byte counts as people read them in messages. */
public final class Sizes {

  private Sizes() {}

  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value % 1 == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  }
}
