package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.devstack.Devstack;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher for real on the test infrastructure, with every service in a JVM of its own (the
 * one-JVM mode is tested through {@code ./kb up} in {@link KbIT}): the gateway sees all servers up,
 * services that call each other find each other (catalog stores a film's poster in files as its own
 * account), and closing leaves nothing listening.
 */
class PlatformIT {

  private static final HttpClient http = HttpClient.newHttpClient();

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static boolean listening(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A poster's catalog URL redirects to a public file in files, the same one on every request, and
   * that file is the PNG.
   */
  private static void posterIsStoredInFilesOnce(String gateway) throws Exception {
    String films = get(gateway + "/api/catalog/films?limit=1").body();
    Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(films);
    assertThat(id.find()).as(films).isTrue();
    String posterUrl = gateway + "/api/catalog/films/" + id.group(1) + "/poster";

    HttpResponse<String> first = get(posterUrl);
    HttpResponse<String> second = get(posterUrl);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
    String location = first.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/api/files/public/files/[0-9a-f-]{36}/content");
    assertThat(second.headers().firstValue("Location")).hasValue(location);
    HttpResponse<byte[]> png =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway + location)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(new String(png.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /**
   * Every listening TCP socket of this stack — servers and services, their gRPC and management
   * ports (base … base + 999) — is bound to loopback, except the gateway's, on every interface.
   * Read from the kernel's socket tables, as {@code ss -ltn} does.
   */
  private static void onlyTheGatewayListensBeyondLoopback(int base, int gatewayPort)
      throws IOException {
    List<String> listening = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(java.nio.file.Path.of(table))) {
        String[] fields = line.strip().split("\\s+");
        // local address as HEX_IP:HEX_PORT; state 0A is LISTEN
        if (fields.length < 4 || !fields[3].equals("0A")) {
          continue;
        }
        String[] local = fields[1].split(":");
        int port = Integer.parseInt(local[1], 16);
        if ((port >= base && port < base + 1000) || port == gatewayPort) {
          listening.add(port + "@" + local[0]);
        }
      }
    }
    String loopback4 = "0100007F";
    String loopback6 = "00000000000000000000000001000000";
    // 127.0.0.1 as an IPv6 socket sees it (::ffff:127.0.0.1), as gRPC's Netty server binds it
    String loopbackMapped = "0000000000000000FFFF00000100007F";
    assertThat(listening).as("listening sockets of the stack").hasSizeGreaterThan(10);
    for (String socket : listening) {
      int port = Integer.parseInt(socket.substring(0, socket.indexOf('@')));
      String address = socket.substring(socket.indexOf('@') + 1);
      if (port == gatewayPort) {
        assertThat(address).as("the gateway, the edge").matches("0+");
      } else {
        assertThat(address).as("port " + port).isIn(loopback4, loopback6, loopbackMapped);
      }
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void oneJvmPerService() throws Exception {
    TestInfrastructure infra = TestInfrastructure.ensureAll();
    int gatewayPort = freePort();
    PlatformPlan plan = new PlatformPlan(infra.home(), gatewayPort);
    Files.deleteIfExists(infra.home().logFile("gateway"));
    List<String> progress = new ArrayList<>();
    Platform platform =
        new Platform(
            new Devstack(infra.home(), progress::add),
            new SeparateJvmServiceRunner(infra.home(), plan),
            progress::add);
    try {
      platform.start(plan, ServiceCatalog.select(List.of()));

      HttpResponse<String> status =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/api/status"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"status\":\"UP\"").doesNotContain("\"up\":false");
      assertThat(progress).anyMatch(line -> line.startsWith("gateway ready in"));
      posterIsStoredInFilesOnce("http://127.0.0.1:" + gatewayPort);
      onlyTheGatewayListensBeyondLoopback(infra.home().ports().base(), gatewayPort);
      // its own JSON log file, with the launcher's logging configuration
      assertThat(Files.readString(infra.home().logFile("gateway")))
          .contains("\"logger_name\"")
          .contains("\"level\":\"INFO\"");
    } finally {
      platform.close();
      platform.close(); // closing twice is harmless
    }
    assertThat(listening(gatewayPort)).isFalse();
  }
}
