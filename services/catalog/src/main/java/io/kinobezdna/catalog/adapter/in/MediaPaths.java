package io.kinobezdna.catalog.adapter.in;

import java.util.UUID;

/** Where the apps fetch a film's media: the same paths in REST and gRPC answers. */
public final class MediaPaths {

  /** Where the apps reach this service: media URLs in answers are paths under it. */
  public static final String GATEWAY_PREFIX = "/api/catalog";

  private MediaPaths() {}

  public static String posterPath(UUID filmId) {
    return GATEWAY_PREFIX + "/films/" + filmId + "/poster";
  }

  public static String videoPath(UUID filmId) {
    return GATEWAY_PREFIX + "/films/" + filmId + "/video";
  }
}
