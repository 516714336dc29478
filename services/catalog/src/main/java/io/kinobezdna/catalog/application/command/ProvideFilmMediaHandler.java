package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.port.FilmMedia;
import io.kinobezdna.catalog.application.port.FilmMediaFiles;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.application.port.MediaFiles;
import io.kinobezdna.catalog.domain.FilmCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A visible film's poster and video. With the files service at hand they are rendered once, stored
 * there as public files and answered from there ever after; without it (catalog running alone) they
 * are served as rendered.
 *
 * <p>Storing happens under a lock per film and kind, so concurrent first requests store one file,
 * not one each.
 */
public final class ProvideFilmMediaHandler {

  /** Where the bytes are. */
  public sealed interface Located {}

  /** In the files service: a public file. */
  public record InFiles(UUID fileId) implements Located {}

  /** A PNG poster, rendered here. */
  public record RenderedPoster(byte[] png) implements Located {}

  /** An MP4 video, rendered here. */
  public record RenderedVideo(Path mp4) implements Located {}

  private final FilmRepository films;
  private final FilmMedia renderer;
  private final FilmMediaFiles stored;
  private final Optional<MediaFiles> files;
  private final Map<String, Object> storeLocks = new ConcurrentHashMap<>();

  public ProvideFilmMediaHandler(
      FilmRepository films, FilmMedia renderer, FilmMediaFiles stored, Optional<MediaFiles> files) {
    this.films = films;
    this.renderer = renderer;
    this.stored = stored;
    this.files = files;
  }

  public Located handle(ProvideFilmMedia command) {
    FilmCard film = FilmCard.of(films.visibleTo(command.caller(), command.filmId()));
    return switch (command.medium()) {
      case POSTER -> poster(film);
      case VIDEO -> video(film);
    };
  }

  private Located poster(FilmCard film) {
    if (files.isEmpty()) {
      return new RenderedPoster(renderer.poster(film));
    }
    return inFiles(
        film,
        FilmMediaFiles.Kind.POSTER,
        film.titleEn() + " poster.png",
        () -> renderer.poster(film));
  }

  private Located video(FilmCard film) {
    if (files.isEmpty()) {
      return new RenderedVideo(renderer.video(film));
    }
    return inFiles(film, FilmMediaFiles.Kind.VIDEO, film.titleEn() + ".mp4", () -> read(film));
  }

  private byte[] read(FilmCard film) {
    try {
      return Files.readAllBytes(renderer.video(film));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private InFiles inFiles(
      FilmCard film, FilmMediaFiles.Kind kind, String name, Supplier<byte[]> render) {
    Optional<UUID> known = stored.find(film.id(), kind);
    if (known.isPresent()) {
      return new InFiles(known.get());
    }
    synchronized (storeLocks.computeIfAbsent(film.id() + "/" + kind, k -> new Object())) {
      Optional<UUID> storedMeanwhile = stored.find(film.id(), kind);
      if (storedMeanwhile.isPresent()) {
        return new InFiles(storedMeanwhile.get());
      }
      UUID fileId = files.get().storePublic(name, render.get());
      return new InFiles(stored.remember(film.id(), kind, fileId));
    }
  }
}
