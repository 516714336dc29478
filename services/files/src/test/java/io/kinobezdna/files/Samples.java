package io.kinobezdna.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Real files for the tests: the committed samples (audio, video, images; see samples/README.md) and
 * the ones made here (PDF, EPUB, subtitles, zips).
 */
public final class Samples {

  private Samples() {}

  public static byte[] committed(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The committed reel followed by a "free" box of this many bytes: a larger, still valid MP4. */
  public static byte[] paddedReel(int padding) {
    byte[] reel = committed("reel.mp4");
    byte[] padded = java.util.Arrays.copyOf(reel, reel.length + padding);
    java.nio.ByteBuffer.wrap(padded, reel.length, 8)
        .putInt(padding)
        .put("free".getBytes(StandardCharsets.ISO_8859_1));
    return padded;
  }

  /** A two-page PDF with a title, an author and a language. */
  public static byte[] pdf() {
    try (PDDocument pdf = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : new String[] {"Screenplay: Harbour Lights", "Scene 2"}) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
          text.beginText();
          text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
          text.newLineAtOffset(72, 700);
          text.showText(line);
          text.endText();
        }
      }
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle("Harbour Lights — screenplay");
      info.setAuthor("Ada Reel");
      pdf.getDocumentCatalog().setLanguage("en-GB");
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal EPUB 3 with three chapters. */
  public static byte[] epub() {
    String opf =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier id="id">kb-sample</dc:identifier>
            <dc:title>Notes from the Abyss</dc:title>
            <dc:creator>Ivan Plyonka</dc:creator>
            <dc:language>ru</dc:language>
            <dc:date>1932-01-01</dc:date>
          </metadata>
          <manifest>
            <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
            <item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/>
            <item id="c3" href="c3.xhtml" media-type="application/xhtml+xml"/>
          </manifest>
          <spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="c3"/></spine>
        </package>
        """;
    String container =
        """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """;
    return zip(
        true,
        Map.of(
            "META-INF/container.xml", container.getBytes(StandardCharsets.UTF_8),
            "OEBPS/book.opf", opf.getBytes(StandardCharsets.UTF_8),
            "OEBPS/c1.xhtml", "<html/>".getBytes(StandardCharsets.UTF_8)));
  }

  public static byte[] srt() {
    return """
        1
        00:00:01,000 --> 00:00:03,500
        Где мы?

        2
        00:00:04,000 --> 00:00:06,000
        В бездне, <i>конечно</i>.

        3
        00:01:02,250 --> 00:01:05,750
        Тише, фильм начинается.
        """
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] vtt() {
    return """
        WEBVTT
        Language: en

        00:01.000 --> 00:02.500
        Lights, please.

        00:03.000 --> 00:04.000
        Thank you.
        """
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A stills archive: the given entries; an EPUB starts with its uncompressed mimetype. */
  public static byte[] zip(boolean epub, Map<String, byte[]> entries) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (epub) {
        byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(mimetype.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(mimetype);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(mimetype);
        zip.closeEntry();
      }
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stills archive of real images. */
  public static byte[] stills() {
    return zip(
        false,
        Map.of(
            "stills/01.png", committed("still.png"),
            "stills/02.jpg", committed("photo.jpg"),
            "stills/03.gif", committed("still.gif")));
  }

  /** One entry of zeros that inflates a thousand-fold: a zip bomb in miniature. */
  public static byte[] zipBomb() {
    return zip(false, Map.of("poster.png", new byte[64 * 1024 * 1024]));
  }

  /** A PNG whose header claims 100,000 × 100,000 pixels (a decompression bomb's signature). */
  public static byte[] pixelBombPng() {
    byte[] png = committed("still.png").clone();
    // IHDR data starts at byte 16: width and height, big-endian, then the chunk's CRC at 29
    java.nio.ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(png, 12, 17);
    java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
    return png;
  }

  /** A Windows program's first bytes: "MZ", the DOS stub, the PE header. */
  public static byte[] windowsProgram() {
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    java.nio.ByteBuffer.wrap(exe, 0x3c, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x80);
    System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
    return exe;
  }
}
