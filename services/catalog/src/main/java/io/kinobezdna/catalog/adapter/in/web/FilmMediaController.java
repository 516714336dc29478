package io.kinobezdna.catalog.adapter.in.web;

import io.kinobezdna.catalog.adapter.in.Callers;
import io.kinobezdna.catalog.application.query.GetFilm;
import io.kinobezdna.catalog.application.query.GetFilmMediaHandler;
import io.kinobezdna.platform.auth.VerifiedCaller;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posters and videos. A video is returned as a resource, so Spring answers Range requests with 206
 * and the player can seek; both are cacheable (they change only with the rendering version).
 */
@RestController
public class FilmMediaController {

  private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  private final GetFilmMediaHandler media;

  public FilmMediaController(GetFilmMediaHandler media) {
    this.media = media;
  }

  @GetMapping("/films/{id}/poster")
  ResponseEntity<byte[]> poster(Optional<VerifiedCaller> caller, @PathVariable UUID id) {
    byte[] png = media.poster(new GetFilm(Callers.of(caller), id));
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CACHE)
        .eTag("\"" + Integer.toHexString(Arrays.hashCode(png)) + "\"")
        .body(png);
  }

  @GetMapping("/films/{id}/video")
  ResponseEntity<Resource> video(Optional<VerifiedCaller> caller, @PathVariable UUID id) {
    Resource video = new FileSystemResource(media.video(new GetFilm(Callers.of(caller), id)));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("video/mp4"))
        .cacheControl(CACHE)
        .body(video);
  }
}
