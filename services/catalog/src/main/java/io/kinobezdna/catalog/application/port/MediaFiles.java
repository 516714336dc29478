package io.kinobezdna.catalog.application.port;

import java.util.UUID;

/** The files service, where a film's media is kept once rendered. */
public interface MediaFiles {

  /**
   * Stores the bytes as a public file owned by the catalog; returns its id. Fails with UNAVAILABLE
   * when the files service cannot take it now.
   */
  UUID storePublic(String fileName, byte[] content);
}
