package io.kinobezdna.files.adapter.out.extract;

import io.kinobezdna.files.application.port.MetadataExtractor.Extraction;
import io.kinobezdna.files.application.port.MetadataExtractor.ExtractionFailed;
import io.kinobezdna.files.domain.MetadataField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * EPUB: a zip (checked like any archive) whose {@code META-INF/container.xml} names the package
 * document; its Dublin Core metadata gives title, author, language and date, its spine the
 * chapters. XML is parsed with DTDs and external entities off.
 */
final class EpubMetadata {

  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String OPF = "http://www.idpf.org/2007/opf";
  private static final String CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container";

  private EpubMetadata() {}

  static void check(Path file) {
    ZipChecks.check(file, (entry, head) -> {});
  }

  static Extraction extract(Path file) throws IOException {
    check(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Document container = xml(zip, "META-INF/container.xml");
      Element rootfile = (Element) container.getElementsByTagNameNS(CONTAINER, "rootfile").item(0);
      if (rootfile == null) {
        throw new ExtractionFailed("the EPUB names no package document");
      }
      Document pkg = xml(zip, rootfile.getAttribute("full-path"));
      Map<String, Object> values = new LinkedHashMap<>();
      first(pkg, "title").ifPresent(v -> values.put(MetadataField.TITLE.key(), v));
      first(pkg, "creator").ifPresent(v -> values.put(MetadataField.AUTHOR.key(), v));
      first(pkg, "language").ifPresent(v -> values.put(MetadataField.LANGUAGE.key(), v));
      first(pkg, "date")
          .filter(d -> d.matches("^\\d{4}.*"))
          .ifPresent(d -> values.put(MetadataField.YEAR.key(), Long.parseLong(d.substring(0, 4))));
      values.put(
          MetadataField.CHAPTERS.key(),
          (long) pkg.getElementsByTagNameNS(OPF, "itemref").getLength());
      return new Extraction(values, Optional.empty(), Optional.empty());
    }
  }

  private static Optional<String> first(Document pkg, String dcName) {
    NodeList nodes = pkg.getElementsByTagNameNS(DC, dcName);
    return nodes.getLength() == 0
        ? Optional.empty()
        : Optional.of(nodes.item(0).getTextContent().strip()).filter(s -> !s.isEmpty());
  }

  private static Document xml(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new ExtractionFailed("the EPUB has no " + name);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return parser().parse(in);
    } catch (SAXException e) {
      throw new ExtractionFailed("the EPUB's " + name + " is not well-formed XML", e);
    }
  }

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
