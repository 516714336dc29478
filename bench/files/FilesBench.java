package files;

import static load.Load.closedLoop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import load.Load;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The files service against a raw S3 client on the same store, in one run: uploads and downloads
 * of the same sizes both ways, alternating so the disk and the machine's mood are shared; the
 * service's heap sampled while it takes a 1 GiB upload; and random range reads (a player seeking)
 * through the service. Prints one JSON object.
 *
 * <p>Usage: java -cp <classpath> files/FilesBench.java gatewayBase filesBase s3Endpoint accessKey
 * secretKey bucket sizeMiB rounds rangeSeconds filesPid
 */
public class FilesBench {

  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /**
   * Downloads from the service go through Apache HttpClient 5, the HTTP client the raw S3 client
   * reads with, so both sides of the ratio pay the same client costs. (The JDK client's streamed
   * body, used before, cost the load generator more CPU than the service itself: on these shared
   * cores it capped the service's side at about 400 MiB/s.)
   */
  static final CloseableHttpClient downloads = HttpClients.createMinimal();

  public static void main(String[] args) throws Exception {
    String gateway = args[0], files = args[1];
    S3Client s3 =
        S3Client.builder()
            .endpointOverride(URI.create(args[2]))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[3], args[4])))
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            // the same client settings as the service's (FilesConfiguration): unsigned payloads
            .authSchemeProvider(
                p ->
                    S3AuthSchemeProvider.defaultProvider().resolveAuthScheme(p).stream()
                        .map(o -> o.toBuilder().putSignerProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false).build())
                        .toList())
            .build();
    String bucket = args[5];
    long size = Long.parseLong(args[6]) << 20;
    int rounds = Integer.parseInt(args[7]);
    int rangeSeconds = Integer.parseInt(args[8]);
    String token = register(gateway);
    byte[] header = Files.readAllBytes(Path.of("services/files/src/test/resources/samples/reel.mp4"));

    // warm-up: both paths, small
    for (int i = 0; i < 3; i++) {
      String key = "bench/warm-" + i;
      rawUpload(s3, bucket, key, header, 32L << 20);
      String id = serviceUpload(files, token, header, 32L << 20);
      awaitExtraction(files, token, id);
      drain(s3.getObject(b -> b.bucket(bucket).key(key)));
      serviceDownload(files, token, id);
    }

    double rawUp = 0, svcUp = 0, formUp = 0, rawDown = 0, svcDown = 0;
    for (int r = 0; r < rounds; r++) {
      String key = "bench/raw-" + r;
      rawUp += rawUpload(s3, bucket, key, header, size);
      long t0 = System.nanoTime();
      String form = serviceUpload(files, token, header, size);
      formUp += (System.nanoTime() - t0) / 1e9;
      awaitExtraction(files, token, form);
      t0 = System.nanoTime();
      String id = serviceRawUpload(files, token, header, size);
      svcUp += (System.nanoTime() - t0) / 1e9;
      awaitExtraction(files, token, id);
      t0 = System.nanoTime();
      drain(s3.getObject(b -> b.bucket(bucket).key(key)));
      rawDown += (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      serviceDownload(files, token, id);
      svcDown += (System.nanoTime() - t0) / 1e9;
    }
    double mib = (double) size * rounds / (1 << 20);

    // 1 GiB through the service, its heap read every 20 ms by jstat (from the JVM's shared
    // performance counters: no request to the service, so the sampling costs it nothing)
    Process jstat =
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc", args[9], "20")
            .redirectErrorStream(true)
            .start();
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream()))) {
                    String[] columns = lines.readLine().trim().split("\\s+");
                    List<String> names = List.of(columns);
                    for (String line; (line = lines.readLine()) != null; ) {
                      String[] v = line.trim().split("\\s+");
                      if (v.length != columns.length || v[0].equals("S0C")) continue;
                      double kib = 0;
                      for (String used : List.of("S0U", "S1U", "EU", "OU")) kib += Double.parseDouble(v[names.indexOf(used)]);
                      peakHeap.accumulateAndGet((long) (kib * 1024), Math::max);
                    }
                  } catch (Exception e) {
                    // jstat ended
                  }
                });
    long t0 = System.nanoTime();
    String big = serviceUpload(files, token, header, 1L << 30);
    double bigSeconds = (System.nanoTime() - t0) / 1e9;
    jstat.destroy();
    sampler.join();
    awaitExtraction(files, token, big);

    // a player seeking: random 256 KiB ranges of the 1 GiB file
    Random random = new Random(42);
    List<HttpRequest> seeks = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      long first = (long) (random.nextDouble() * ((1L << 30) - (256 << 10)));
      seeks.add(
          HttpRequest.newBuilder(URI.create(files + "/files/" + big + "/content"))
              .header("Authorization", "Bearer " + token)
              .header("Range", "bytes=" + first + "-" + (first + (256 << 10) - 1))
              .build());
    }
    closedLoop("range-warmup", seeks, 5, 8);
    Load.Result ranges = closedLoop("range-read", seeks, rangeSeconds, 8);

    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"size_mib\":%d,\"rounds\":%d,\"raw_upload_mibps\":%.1f,\"service_upload_mibps\":%.1f,"
                + "\"service_form_upload_mibps\":%.1f,"
                + "\"raw_download_mibps\":%.1f,\"service_download_mibps\":%.1f,\"gib_upload_seconds\":%.2f,"
                + "\"heap_peak_mib\":%.1f,\"range\":%s}",
            size >> 20, rounds, mib / rawUp, mib / svcUp, mib / formUp, mib / rawDown, mib / svcDown, bigSeconds,
            peakHeap.get() / 1048576.0, ranges.json()));
  }

  static String register(String gateway) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"email\":\"bench-" + run + "@example.com\",\"password\":\"popcorn in the dark\",\"displayName\":\"Bench\"}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway + "/api/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(response.body());
    if (!m.find()) throw new IllegalStateException("register: " + response.body());
    return m.group(1);
  }

  /** A playable MP4 (the committed reel) padded with a "free" box to exactly {@code size} bytes. */
  static InputStream video(byte[] header, long size) {
    long padding = size - header.length;
    ByteBuffer box = ByteBuffer.allocate(16).putInt(1).put("free".getBytes(StandardCharsets.ISO_8859_1)).putLong(padding);
    return new SequenceInputStream(
        new SequenceInputStream(new ByteArrayInputStream(header), new ByteArrayInputStream(box.array())),
        new Zeros(padding - 16));
  }

  static double rawUpload(S3Client s3, String bucket, String key, byte[] header, long size) {
    long t0 = System.nanoTime();
    s3.putObject(b -> b.bucket(bucket).key(key).contentType("video/mp4"), RequestBody.fromInputStream(video(header, size), size));
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The file as the body, named in X-File-Name: the way the site uploads. */
  static String serviceRawUpload(String files, String token, byte[] header, long size) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(files + "/files"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .header("X-File-Name", "bench.mp4")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> video(header, size)), size))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return id(response);
  }

  /** The file as a multipart/form-data part, the way HTML forms and most HTTP tools send it. */
  static String serviceUpload(String files, String token, byte[] header, long size) throws Exception {
    String boundary = "bench" + UUID.randomUUID();
    byte[] head =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long length = head.length + size + tail.length;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(files + "/files"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () ->
                                new SequenceInputStream(
                                    new SequenceInputStream(new ByteArrayInputStream(head), video(header, size)),
                                    new ByteArrayInputStream(tail))),
                        length))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return id(response);
  }

  static String id(HttpResponse<String> response) {
    if (response.statusCode() != 201) throw new IllegalStateException("upload: " + response.body());
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
    m.find();
    return m.group(1);
  }

  static void serviceDownload(String files, String token, String id) throws Exception {
    HttpGet get = new HttpGet(files + "/files/" + id + "/content");
    get.setHeader("Authorization", "Bearer " + token);
    downloads.execute(
        get,
        response -> {
          if (response.getCode() != 200) throw new IllegalStateException("download: " + response.getCode());
          drain(response.getEntity().getContent());
          return null;
        });
  }

  static void awaitExtraction(String files, String token, String id) throws Exception {
    for (int i = 0; i < 1200; i++) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(files + "/files/" + id)).header("Authorization", "Bearer " + token).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (!body.contains("\"PENDING\"")) return;
      sleep(100);
    }
    throw new IllegalStateException("extraction of " + id + " did not finish");
  }

  static void drain(InputStream in) throws IOException {
    try (in) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // discard
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code count} zero bytes, without holding them. */
  static final class Zeros extends InputStream {
    private long left;

    Zeros(long count) {
      this.left = count;
    }

    @Override
    public int read() {
      if (left <= 0) return -1;
      left--;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) return -1;
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
