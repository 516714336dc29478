package io.kinobezdna.platform.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each probe against a one-shot server that answers with the bytes a real server sends (or
 * something else). The devstack's integration test runs the same probes against the real servers.
 */
class WireProbeTest {

  private final WireProbe probe = new WireProbe(Duration.ofSeconds(2));

  @Test
  void postgresIsUpWhenItAnswersTheSslRequest() throws Exception {
    try (OneShotServer server = new OneShotServer(8, new byte[] {'N'})) {
      ProbeResult result = probe.check(ProbeKind.POSTGRES, "127.0.0.1", server.port());
      assertThat(result.up()).isTrue();
      assertThat(server.received()).containsExactly(0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f);
    }
  }

  @Test
  void postgresIsDownWhenSomethingElseAnswers() throws Exception {
    try (OneShotServer server = new OneShotServer(8, "HTTP/1.1".getBytes(StandardCharsets.UTF_8))) {
      assertThat(probe.check(ProbeKind.POSTGRES, "127.0.0.1", server.port()).up()).isFalse();
    }
  }

  @Test
  void kafkaIsUpOnlyWithErrorCodeZeroAndTheSameCorrelationId() throws Exception {
    byte[] ok = {0, 0, 0, 6, 0, 0, 0, 7, 0, 0};
    byte[] notReady = {0, 0, 0, 6, 0, 0, 0, 7, 0, 35};
    try (OneShotServer server = new OneShotServer(22, ok)) {
      assertThat(probe.check(ProbeKind.KAFKA, "127.0.0.1", server.port()).up()).isTrue();
    }
    try (OneShotServer server = new OneShotServer(22, notReady)) {
      ProbeResult result = probe.check(ProbeKind.KAFKA, "127.0.0.1", server.port());
      assertThat(result.up()).isFalse();
      assertThat(result.detail()).contains("error 35");
    }
  }

  @Test
  void rabbitmqIsUpWhenTheBrokerStartsTheConnection() throws Exception {
    byte[] connectionStart = {1, 0, 0, 0, 0, 0, 12, 0, 10, 0, 10};
    try (OneShotServer server = new OneShotServer(8, connectionStart)) {
      assertThat(probe.check(ProbeKind.RABBITMQ, "127.0.0.1", server.port()).up()).isTrue();
      assertThat(new String(server.received(), StandardCharsets.US_ASCII)).startsWith("AMQP");
    }
  }

  @Test
  void redisIsUpOnPong() throws Exception {
    try (OneShotServer server =
        new OneShotServer(6, "+PONG\r\n".getBytes(StandardCharsets.UTF_8))) {
      assertThat(probe.check(ProbeKind.REDIS, "127.0.0.1", server.port()).detail())
          .isEqualTo("PONG");
    }
    try (OneShotServer server =
        new OneShotServer(6, "-LOADING\r\n".getBytes(StandardCharsets.UTF_8))) {
      assertThat(probe.check(ProbeKind.REDIS, "127.0.0.1", server.port()).up()).isFalse();
    }
  }

  @Test
  void cassandraIsUpWhenOptionsIsAnsweredWithSupported() throws Exception {
    byte[] supported = {(byte) 0x84, 0, 0, 1, 0x06, 0, 0, 0, 0};
    try (OneShotServer server = new OneShotServer(9, supported)) {
      assertThat(probe.check(ProbeKind.CASSANDRA, "127.0.0.1", server.port()).up()).isTrue();
    }
  }

  @Test
  void httpIsUpBelow500AndDownAtOrAbove() throws Exception {
    try (OneShotServer server =
        new OneShotServer(10, "HTTP/1.1 403 Forbidden\r\n\r\n".getBytes(StandardCharsets.UTF_8))) {
      assertThat(probe.check(ProbeKind.HTTP, "127.0.0.1", server.port()).detail())
          .isEqualTo("HTTP 403");
    }
    try (OneShotServer server =
        new OneShotServer(10, "HTTP/1.1 503 Busy\r\n\r\n".getBytes(StandardCharsets.UTF_8))) {
      assertThat(probe.check(ProbeKind.HTTP, "127.0.0.1", server.port()).up()).isFalse();
    }
  }

  @Test
  void aClosedPortIsDown() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProbeResult result = probe.check(ProbeKind.REDIS, "127.0.0.1", port);
    assertThat(result.up()).isFalse();
    assertThat(result.detail()).isNotBlank();
  }

  @Test
  void kindsParseFromConfigurationNames() {
    assertThat(ProbeKind.parse(" kafka ")).isEqualTo(ProbeKind.KAFKA);
    assertThat(ProbeKind.parse("Postgres")).isEqualTo(ProbeKind.POSTGRES);
  }

  /** Accepts one connection, reads the expected number of bytes, answers, then closes. */
  private static final class OneShotServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private volatile byte[] received = new byte[0];

    OneShotServer(int expectedBytes, byte[] answer) throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      thread =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Socket client = socket.accept()) {
                      InputStream in = client.getInputStream();
                      received = in.readNBytes(expectedBytes);
                      client.getOutputStream().write(answer);
                      client.getOutputStream().flush();
                      in.readNBytes(1); // wait for the probe to hang up
                    } catch (IOException ignored) {
                      // the probe closed first: nothing to answer any more
                    }
                  });
    }

    int port() {
      return socket.getLocalPort();
    }

    byte[] received() throws InterruptedException {
      thread.join(2000);
      return received;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
