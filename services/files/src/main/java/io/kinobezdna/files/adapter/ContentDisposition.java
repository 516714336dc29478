package io.kinobezdna.files.adapter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Content-Disposition values (RFC 6266) that name a file safely in any browser: the UTF-8 name (RFC
 * 8187) and an ASCII fallback without quotes or backslashes.
 */
public final class ContentDisposition {

  private ContentDisposition() {}

  /** {@code inline} or {@code attachment}, with the file's name. */
  public static String of(String type, String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
