package io.kinobezdna.catalog.application.port;

import io.kinobezdna.catalog.domain.FilmCard;
import java.nio.file.Path;

/**
 * A film's poster and video. Until the files service holds real media, the catalog renders them: a
 * poster with the title, and a short test-pattern video with the title and a running timecode.
 */
public interface FilmMedia {

  /** PNG bytes of the poster. */
  byte[] poster(FilmCard film);

  /** An MP4 file of the video (rendered on first use, then kept). */
  Path video(FilmCard film);
}
