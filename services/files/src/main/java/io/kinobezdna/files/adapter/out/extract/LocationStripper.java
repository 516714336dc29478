package io.kinobezdna.files.adapter.out.extract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Copies of images without their metadata blocks (where a GPS position lives), made losslessly: the
 * compressed pixels are copied as they are, only the EXIF and XMP blocks are left out. A JPEG's
 * orientation is kept in a minimal EXIF block of its own, so the copy is shown the same way up.
 */
final class LocationStripper {

  private LocationStripper() {}

  /** The stripped copy, or empty for a format we do not strip (it had no EXIF to begin with). */
  static Optional<byte[]> strip(byte[] image, String mediaType, int orientation) {
    return switch (mediaType) {
      case "image/jpeg" -> Optional.of(jpeg(image, orientation));
      case "image/png" -> Optional.of(png(image));
      case "image/webp" -> Optional.of(webp(image));
      default -> Optional.empty();
    };
  }

  /** JPEG segments up to the scan, without APP1 (EXIF, XMP) and APP13 (IPTC). */
  private static byte[] jpeg(byte[] in, int orientation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(0xFF);
    out.write(0xD8);
    if (orientation > 1) {
      out.writeBytes(orientationSegment(orientation));
    }
    int at = 2;
    while (at + 4 <= in.length && (in[at] & 0xFF) == 0xFF) {
      int marker = in[at + 1] & 0xFF;
      if (marker == 0xDA) { // start of scan: the rest is compressed data, copied whole
        break;
      }
      int length = ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
      if (marker != 0xE1 && marker != 0xED) {
        out.write(in, at, length + 2);
      }
      at += length + 2;
    }
    out.write(in, at, in.length - at);
    return out.toByteArray();
  }

  /** APP1 "Exif" with one big-endian IFD holding only the orientation tag (0x0112). */
  private static byte[] orientationSegment(int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8); // header, first IFD at offset 8
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // orientation, SHORT, count 1
    tiff.putShort((short) orientation).putShort((short) 0); // value, padded to 4 bytes
    tiff.putInt(0); // no next IFD
    byte[] exif = {'E', 'x', 'i', 'f', 0, 0};
    int length = 2 + exif.length + tiff.capacity();
    ByteArrayOutputStream segment = new ByteArrayOutputStream();
    segment.write(0xFF);
    segment.write(0xE1);
    segment.write(length >> 8);
    segment.write(length & 0xFF);
    segment.writeBytes(exif);
    segment.writeBytes(tiff.array());
    return segment.toByteArray();
  }

  /** PNG chunks without eXIf and the text chunks XMP travels in. */
  private static byte[] png(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, 8);
    int at = 8;
    while (at + 12 <= in.length) {
      int length = ByteBuffer.wrap(in, at, 4).getInt();
      String type = new String(in, at + 4, 4, ISO_8859_1);
      int total = 12 + length;
      if (!type.equals("eXIf")
          && !type.equals("iTXt")
          && !type.equals("tEXt")
          && !type.equals("zTXt")) {
        out.write(in, at, Math.min(total, in.length - at));
      }
      at += total;
    }
    return out.toByteArray();
  }

  /** WebP (RIFF) chunks without EXIF and XMP, their flags cleared in VP8X, the size fixed. */
  private static byte[] webp(byte[] in) {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream(in.length);
    int at = 12;
    while (at + 8 <= in.length) {
      String fourcc = new String(in, at, 4, ISO_8859_1);
      int size = ByteBuffer.wrap(in, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      int total = 8 + size + (size & 1);
      if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
        byte[] chunk = Arrays.copyOfRange(in, at, Math.min(at + total, in.length));
        if (fourcc.equals("VP8X") && chunk.length > 8) {
          chunk[8] &= (byte) ~0x0C; // EXIF (0x08) and XMP (0x04) present flags
        }
        chunks.writeBytes(chunk);
      }
      at += total;
    }
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(4 + chunks.size());
    header.put(new byte[] {'W', 'E', 'B', 'P'});
    ByteArrayOutputStream out = new ByteArrayOutputStream(12 + chunks.size());
    out.writeBytes(header.array());
    out.writeBytes(chunks.toByteArray());
    return out.toByteArray();
  }
}
