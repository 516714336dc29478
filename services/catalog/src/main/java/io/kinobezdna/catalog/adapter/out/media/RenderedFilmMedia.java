package io.kinobezdna.catalog.adapter.out.media;

import io.kinobezdna.catalog.application.port.FilmMedia;
import io.kinobezdna.catalog.domain.FilmCard;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.jcodec.api.awt.AWTSequenceEncoder;

/**
 * Posters and videos drawn by the catalog itself, so a fresh platform has media to show before the
 * files service holds real ones. Both are deterministic per film (colours come from its id).
 *
 * <p>Posters are small PNGs kept in a bounded in-memory cache. Videos are H.264 MP4 test patterns
 * (colour bars, the title, a running timecode) encoded in pure Java by jcodec on first request and
 * kept on disk; rendering one takes about a second, so it happens once per film, under a per-film
 * lock so concurrent first requests wait for one rendering instead of each doing it.
 */
public final class RenderedFilmMedia implements FilmMedia {

  public static final int POSTER_WIDTH = 300;
  public static final int POSTER_HEIGHT = 450;
  static final int VIDEO_WIDTH = 320;
  static final int VIDEO_HEIGHT = 180;
  static final int FRAMES_PER_SECOND = 8;

  /** Bumped when the rendering changes, so old files on disk are not served. */
  static final String VIDEO_VERSION = "v1";

  private static final int POSTER_CACHE_SIZE = 512;

  private final Path videoDirectory;
  private final int videoSeconds;
  private final Map<UUID, Object> renderLocks = new ConcurrentHashMap<>();
  private final Map<UUID, byte[]> posters =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, byte[]> eldest) {
          return size() > POSTER_CACHE_SIZE;
        }
      };

  public RenderedFilmMedia(Path videoDirectory, int videoSeconds) {
    this.videoDirectory = videoDirectory;
    this.videoSeconds = videoSeconds;
  }

  @Override
  public byte[] poster(FilmCard film) {
    synchronized (posters) {
      byte[] cached = posters.get(film.id());
      if (cached != null) {
        return cached;
      }
    }
    byte[] png = png(paintPoster(film));
    synchronized (posters) {
      posters.put(film.id(), png);
    }
    return png;
  }

  @Override
  public Path video(FilmCard film) {
    Path file = videoDirectory.resolve(film.id() + "-" + VIDEO_VERSION + ".mp4");
    if (Files.exists(file)) {
      return file;
    }
    synchronized (renderLocks.computeIfAbsent(film.id(), id -> new Object())) {
      try {
        if (!Files.exists(file)) {
          Files.createDirectories(videoDirectory);
          Path partial = Files.createTempFile(videoDirectory, film.id().toString(), ".part");
          try {
            renderVideo(film, partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
          } finally {
            Files.deleteIfExists(partial);
          }
        }
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException("could not render the video of " + film.id(), e);
      } finally {
        renderLocks.remove(film.id());
      }
    }
  }

  /** The film's two colours: a hue from its id, so every poster looks different but stable. */
  private static Color[] palette(UUID id) {
    float hue = (Math.floorMod(id.getLeastSignificantBits(), 360)) / 360f;
    return new Color[] {
      Color.getHSBColor(hue, 0.65f, 0.55f), Color.getHSBColor((hue + 0.12f) % 1f, 0.8f, 0.12f)
    };
  }

  static BufferedImage paintPoster(FilmCard film) {
    BufferedImage image =
        new BufferedImage(POSTER_WIDTH, POSTER_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      Color[] colours = palette(film.id());
      g.setPaint(new GradientPaint(0, 0, colours[0], 0, POSTER_HEIGHT, colours[1]));
      g.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
      // A few soft circles: a "key art" shape that differs per film.
      long bits = film.id().getMostSignificantBits();
      for (int i = 0; i < 3; i++) {
        int size = 120 + (int) ((bits >>> (i * 8)) & 0x7f);
        int x = (int) ((bits >>> (i * 16 + 4)) & 0xff) % POSTER_WIDTH - size / 2;
        int y = 40 + (int) ((bits >>> (i * 12 + 2)) & 0xff) % 220 - size / 2;
        g.setColor(new Color(255, 255, 255, 28 + i * 10));
        g.fillOval(x, y, size, size);
      }
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
      int y = 300;
      for (String line : wrap(film.titleRu(), g.getFontMetrics(), POSTER_WIDTH - 40)) {
        g.drawString(line, 20, y);
        y += 34;
        if (y > 400) {
          break;
        }
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
      g.setColor(new Color(255, 255, 255, 200));
      g.drawString(film.titleEn() + " · " + film.year(), 20, 430);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.drawString(film.ageRating() + "+", POSTER_WIDTH - 44, 30);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void renderVideo(FilmCard film, Path target) throws IOException {
    AWTSequenceEncoder encoder =
        AWTSequenceEncoder.createSequenceEncoder(target.toFile(), FRAMES_PER_SECOND);
    BufferedImage frame =
        new BufferedImage(VIDEO_WIDTH, VIDEO_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Color[] colours = palette(film.id());
    int frames = videoSeconds * FRAMES_PER_SECOND;
    for (int n = 0; n < frames; n++) {
      Graphics2D g = frame.createGraphics();
      try {
        g.setRenderingHint(
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int bars = 7;
        for (int i = 0; i < bars; i++) {
          g.setColor(Color.getHSBColor(i / (float) bars, 0.75f, 0.85f));
          g.fillRect(i * VIDEO_WIDTH / bars, 0, VIDEO_WIDTH / bars + 1, 110);
        }
        // A bar sweeping across once per second shows at a glance that the video plays.
        g.setColor(Color.WHITE);
        g.fillRect((n % FRAMES_PER_SECOND) * VIDEO_WIDTH / FRAMES_PER_SECOND, 104, 40, 6);
        g.setColor(colours[1]);
        g.fillRect(0, 110, VIDEO_WIDTH, VIDEO_HEIGHT - 110);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        List<String> title = wrap(film.titleRu(), g.getFontMetrics(), VIDEO_WIDTH - 20);
        g.drawString(title.getFirst(), 10, 132);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 18));
        g.drawString(timecode(n), 10, 166);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.valueOf(film.year()), VIDEO_WIDTH - 44, 166);
      } finally {
        g.dispose();
      }
      encoder.encodeImage(frame);
    }
    encoder.finish();
  }

  /** hh:mm:ss.ff of frame n. */
  static String timecode(int frame) {
    int seconds = frame / FRAMES_PER_SECOND;
    return String.format(
        "%02d:%02d:%02d.%02d",
        seconds / 3600, seconds / 60 % 60, seconds % 60, frame % FRAMES_PER_SECOND);
  }

  static List<String> wrap(String text, FontMetrics metrics, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
