package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.application.port.MetadataExtractor.ExtractionFailed;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Small JPEG previews, and the pixel limit that keeps a decompression bomb (a tiny file that
 * decodes to gigapixels) from being decoded at all: the size is read from the header first, and
 * decoding skips pixels (subsampling) so a large photo never lands in memory at full size.
 */
final class Thumbnails {

  /** Larger images are refused: 40 megapixels is a big camera's photo. */
  static final long MAX_PIXELS = 40_000_000L;

  static final int EDGE = 320;

  private Thumbnails() {}

  record Size(int width, int height) {
    long pixels() {
      return (long) width * height;
    }
  }

  /** The image's size from its header, without decoding it; empty when no reader knows it. */
  static Optional<Size> size(ImageInputStream input) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    if (!readers.hasNext()) {
      return Optional.empty();
    }
    ImageReader reader = readers.next();
    try {
      reader.setInput(input, true, true);
      return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
    } finally {
      reader.dispose();
    }
  }

  static void requireWithinPixelLimit(Size size) {
    if (size.pixels() > MAX_PIXELS) {
      throw new ExtractionFailed(
          "the image is "
              + size.width()
              + "×"
              + size.height()
              + " pixels; at most "
              + MAX_PIXELS / 1_000_000
              + " megapixels are taken");
    }
  }

  /** A JPEG at most {@value #EDGE} pixels on its longer edge. */
  static byte[] jpegThumbnail(ImageInputStream input) throws IOException {
    return jpegThumbnail(input, 1);
  }

  /** The same, turned upright by the EXIF orientation (3: half a turn, 6 and 8: quarter turns). */
  static byte[] jpegThumbnail(ImageInputStream input, int orientation) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    if (!readers.hasNext()) {
      throw new ExtractionFailed("no decoder reads this image");
    }
    ImageReader reader = readers.next();
    try {
      reader.setInput(input, true, true);
      Size size = new Size(reader.getWidth(0), reader.getHeight(0));
      requireWithinPixelLimit(size);
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, Math.max(size.width(), size.height()) / (EDGE * 2));
      param.setSourceSubsampling(step, step, 0, 0);
      return jpeg(upright(scaled(reader.read(0, param)), orientation));
    } finally {
      reader.dispose();
    }
  }

  static byte[] jpegThumbnail(BufferedImage image) throws IOException {
    return jpeg(scaled(image));
  }

  private static BufferedImage scaled(BufferedImage source) {
    double factor = Math.min(1.0, (double) EDGE / Math.max(source.getWidth(), source.getHeight()));
    int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
    int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(source, 0, 0, width, height, java.awt.Color.WHITE, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static BufferedImage upright(BufferedImage image, int orientation) {
    int quarterTurns =
        switch (orientation) {
          case 3 -> 2;
          case 6 -> 1;
          case 8 -> 3;
          default -> 0;
        };
    if (quarterTurns == 0) {
      return image;
    }
    boolean sideways = quarterTurns % 2 == 1;
    int width = sideways ? image.getHeight() : image.getWidth();
    int height = sideways ? image.getWidth() : image.getHeight();
    BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = turned.createGraphics();
    try {
      g.translate(width / 2.0, height / 2.0);
      g.rotate(Math.PI / 2 * quarterTurns);
      g.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return turned;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
