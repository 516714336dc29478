package io.kinobezdna.catalog.adapter.in.web;

import io.kinobezdna.catalog.adapter.in.Callers;
import io.kinobezdna.catalog.application.command.ProvideFilmMedia;
import io.kinobezdna.catalog.application.command.ProvideFilmMedia.Medium;
import io.kinobezdna.catalog.application.command.ProvideFilmMediaHandler;
import io.kinobezdna.catalog.application.command.ProvideFilmMediaHandler.InFiles;
import io.kinobezdna.catalog.application.command.ProvideFilmMediaHandler.Located;
import io.kinobezdna.catalog.application.command.ProvideFilmMediaHandler.RenderedPoster;
import io.kinobezdna.catalog.application.command.ProvideFilmMediaHandler.RenderedVideo;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.auth.VerifiedCaller;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posters and videos, at stable catalog URLs. Media stored in the files service is a redirect to
 * its public file there (which answers Range requests, so the player can seek; the browser keeps
 * the redirect for a day). Media rendered here is the bytes themselves: a video as a resource, so
 * Spring answers Range requests with 206.
 */
@RestController
public class FilmMediaController {

  /** Where the gateway exposes the files service's public files. */
  private static final String PUBLIC_FILE = "/api/files/public/files/%s/content";

  private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  private final ProvideFilmMediaHandler media;

  public FilmMediaController(ProvideFilmMediaHandler media) {
    this.media = media;
  }

  @PublicEndpoint
  @GetMapping("/films/{id}/poster")
  ResponseEntity<?> poster(Optional<VerifiedCaller> caller, @PathVariable UUID id) {
    return answer(media.handle(new ProvideFilmMedia(Callers.of(caller), id, Medium.POSTER)));
  }

  @PublicEndpoint
  @GetMapping("/films/{id}/video")
  ResponseEntity<?> video(Optional<VerifiedCaller> caller, @PathVariable UUID id) {
    return answer(media.handle(new ProvideFilmMedia(Callers.of(caller), id, Medium.VIDEO)));
  }

  private static ResponseEntity<?> answer(Located located) {
    return switch (located) {
      case InFiles(UUID fileId) ->
          ResponseEntity.status(HttpStatus.FOUND)
              .location(URI.create(PUBLIC_FILE.formatted(fileId)))
              .cacheControl(CACHE)
              .build();
      case RenderedPoster(byte[] png) ->
          ResponseEntity.ok()
              .contentType(MediaType.IMAGE_PNG)
              .cacheControl(CACHE)
              .eTag("\"" + Integer.toHexString(Arrays.hashCode(png)) + "\"")
              .body(png);
      case RenderedVideo(var mp4) ->
          ResponseEntity.ok()
              .contentType(MediaType.parseMediaType("video/mp4"))
              .cacheControl(CACHE)
              .body(new FileSystemResource(mp4));
    };
  }
}
