package io.kinobezdna.catalog.adapter.out.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.catalog.domain.Reception;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderedFilmMediaTest {

  private static FilmCard card(UUID id) {
    return new FilmCard(
        id,
        "Очень длинное название фильма, которое не влезает в одну строку",
        "A Very Long Title",
        "A Very Long Title",
        2001,
        100,
        List.of(Genre.DRAMA),
        List.of("RU"),
        12,
        Reception.NONE);
  }

  @Test
  void postersArePngsOfTheirSizeDifferingPerFilmAndCached(@TempDir Path dir) throws Exception {
    RenderedFilmMedia media = new RenderedFilmMedia(dir, 1);
    UUID one = UUID.randomUUID();
    byte[] png = media.poster(card(one));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(RenderedFilmMedia.POSTER_WIDTH);
    assertThat(image.getHeight()).isEqualTo(RenderedFilmMedia.POSTER_HEIGHT);
    assertThat(media.poster(card(one))).isSameAs(png);
    assertThat(media.poster(card(UUID.randomUUID()))).isNotEqualTo(png);
  }

  @Test
  void aVideoIsRenderedOnceAsMp4(@TempDir Path dir) throws Exception {
    RenderedFilmMedia media = new RenderedFilmMedia(dir, 1);
    FilmCard film = card(UUID.randomUUID());
    Path video = media.video(film);
    byte[] bytes = Files.readAllBytes(video);
    assertThat(new String(bytes, 4, 4)).isEqualTo("ftyp");
    long modified = Files.getLastModifiedTime(video).toMillis();
    assertThat(media.video(film)).isEqualTo(video);
    assertThat(Files.getLastModifiedTime(video).toMillis()).isEqualTo(modified);
    try (var files = Files.list(dir)) {
      assertThat(files).as("no partial files left behind").containsExactly(video);
    }
  }

  @Test
  void timecodesCountFramesWithinSeconds() {
    assertThat(RenderedFilmMedia.timecode(0)).isEqualTo("00:00:00.00");
    assertThat(RenderedFilmMedia.timecode(RenderedFilmMedia.FRAMES_PER_SECOND * 61 + 3))
        .isEqualTo("00:01:01.03");
  }
}
