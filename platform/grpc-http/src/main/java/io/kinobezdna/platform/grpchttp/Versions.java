package io.kinobezdna.platform.grpchttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of bundled web files, written into versions.properties by the build. */
final class Versions {

  static final String SWAGGER_UI = load().getProperty("swagger-ui");

  private Versions() {}

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
