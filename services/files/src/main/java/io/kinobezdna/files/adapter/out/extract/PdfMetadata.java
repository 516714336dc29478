package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.application.port.MetadataExtractor.Extraction;
import io.kinobezdna.files.application.port.MetadataExtractor.ExtractionFailed;
import io.kinobezdna.files.domain.MetadataField;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDF through Apache PDFBox: title, author, year, page count and language from the document's
 * information and catalog, and the first page rendered small as the thumbnail (the preview). The
 * parser buffers in temporary files, not the heap.
 */
final class PdfMetadata {

  private PdfMetadata() {}

  static Extraction extract(Path file) throws IOException {
    try (PDDocument pdf =
        Loader.loadPDF(
            new RandomAccessReadBufferedFile(file.toFile()),
            "",
            null,
            null,
            IOUtils.createTempFileOnlyStreamCache())) {
      Map<String, Object> values = new LinkedHashMap<>();
      PDDocumentInformation info = pdf.getDocumentInformation();
      put(values, MetadataField.TITLE, info.getTitle());
      put(values, MetadataField.AUTHOR, info.getAuthor());
      Calendar created = info.getCreationDate();
      if (created != null) {
        values.put(MetadataField.YEAR.key(), (long) created.get(Calendar.YEAR));
      }
      put(values, MetadataField.LANGUAGE, pdf.getDocumentCatalog().getLanguage());
      values.put(MetadataField.PAGES.key(), (long) pdf.getNumberOfPages());
      Optional<byte[]> thumbnail = Optional.empty();
      if (pdf.getNumberOfPages() > 0) {
        PDRectangle page = pdf.getPage(0).getMediaBox();
        float scale = Thumbnails.EDGE / Math.max(1f, Math.max(page.getWidth(), page.getHeight()));
        thumbnail =
            Optional.of(Thumbnails.jpegThumbnail(new PDFRenderer(pdf).renderImage(0, scale)));
      }
      return new Extraction(values, thumbnail, Optional.empty());
    } catch (InvalidPasswordException e) {
      throw new ExtractionFailed("the PDF is password-protected", e);
    }
  }

  private static void put(Map<String, Object> values, MetadataField field, String value) {
    if (value != null && !value.isBlank()) {
      values.put(field.key(), value.strip());
    }
  }
}
