package io.kinobezdna.files.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartFilesTest {

  private static final String TYPE = "multipart/form-data; boundary=----kbBoundary42";

  private static byte[] body(byte[] file, String fileHeaders) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("------kbBoundary42\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "------kbBoundary42\r\n"
                + fileHeaders
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes("\r\n------kbBoundary42--\r\n".getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** Hands out at most {@code chunk} bytes per read, as a network does. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 4096, 1 << 20})
  void theFilePartComesBackByteForByteWhateverTheReadSizes(int chunk) throws Exception {
    byte[] file = new byte[700_000];
    new Random(chunk).nextBytes(file);
    // a near miss of the delimiter inside the data, across a buffer boundary
    byte[] nearMiss = "\r\n------kbBoundary4".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(nearMiss, 0, file, MultipartFiles.BUFFER - 5, nearMiss.length);
    byte[] body =
        body(
            file,
            "Content-Disposition: form-data; name=\"file\"; filename=\"clip.mp4\"\r\nContent-Type: video/mp4");

    MultipartFiles parts = MultipartFiles.of(TYPE, trickle(body, chunk)).orElseThrow();
    MultipartFiles.FilePart part = parts.nextFile().orElseThrow();
    assertThat(part.field()).isEqualTo("file");
    assertThat(part.fileName()).isEqualTo("clip.mp4");
    assertThat(part.content().readAllBytes()).isEqualTo(file);
    assertThat(parts.nextFile()).isEmpty();
  }

  @Test
  void fileNamesInUtf8AndInTheExtendedForm() throws Exception {
    byte[] plain =
        body(
            "x".getBytes(),
            "Content-Disposition: form-data; name=\"file\"; filename=\"Песня %22A%22.mp3\"");
    assertThat(
            MultipartFiles.of(TYPE, new ByteArrayInputStream(plain))
                .orElseThrow()
                .nextFile()
                .orElseThrow()
                .fileName())
        .isEqualTo("Песня \"A\".mp3");
    byte[] extended =
        body(
            "x".getBytes(),
            "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''%D0%9F%D0%B5%D1%81%D0%BD%D1%8F.mp3");
    assertThat(
            MultipartFiles.of(TYPE, new ByteArrayInputStream(extended))
                .orElseThrow()
                .nextFile()
                .orElseThrow()
                .fileName())
        .isEqualTo("Песня.mp3");
  }

  @Test
  void bodiesWithoutAFileOrNotMultipart() throws Exception {
    byte[] fieldsOnly =
        "------kbBoundary42\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n------kbBoundary42--\r\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(
            MultipartFiles.of(TYPE, new ByteArrayInputStream(fieldsOnly)).orElseThrow().nextFile())
        .isEmpty();
    assertThat(MultipartFiles.of("application/json", InputStream.nullInputStream())).isEmpty();
    assertThat(MultipartFiles.of("multipart/form-data", InputStream.nullInputStream())).isEmpty();
  }

  @Test
  void truncatedOrForeignBodiesFail() throws Exception {
    byte[] whole =
        body(new byte[1000], "Content-Disposition: form-data; name=\"file\"; filename=\"a.mp3\"");
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
    MultipartFiles.FilePart part =
        MultipartFiles.of(TYPE, new ByteArrayInputStream(cut))
            .orElseThrow()
            .nextFile()
            .orElseThrow();
    assertThatThrownBy(() -> part.content().readAllBytes())
        .isInstanceOf(MultipartFiles.MalformedMultipart.class);
    MultipartFiles other =
        MultipartFiles.of(TYPE, new ByteArrayInputStream("garbage".getBytes())).orElseThrow();
    assertThatThrownBy(other::nextFile).isInstanceOf(MultipartFiles.MalformedMultipart.class);
  }
}
