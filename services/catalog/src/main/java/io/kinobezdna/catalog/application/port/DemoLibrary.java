package io.kinobezdna.catalog.application.port;

import io.kinobezdna.catalog.domain.FilmDraft;
import java.util.List;
import java.util.UUID;

/** The films a fresh platform starts with, so there is something real to browse and play. */
public interface DemoLibrary {

  /** A demo film: a stable id (the same on every machine) and what an editor would submit. */
  record DemoFilm(UUID id, FilmDraft draft) {}

  List<DemoFilm> films();
}
