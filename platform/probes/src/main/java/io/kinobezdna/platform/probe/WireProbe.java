package io.kinobezdna.platform.probe;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a server whether it is ready by speaking the first message of its own protocol, so a port
 * that merely accepts connections (a server still starting, or something else) does not count as
 * up. No client libraries: the devstack and the gateway both use it, and neither should pull in six
 * drivers for a health check.
 */
public final class WireProbe {

  private final Duration timeout;

  public WireProbe(Duration timeout) {
    this.timeout = timeout;
  }

  public ProbeResult check(ProbeKind kind, String host, int port) {
    long started = System.nanoTime();
    try (Socket socket = new Socket()) {
      int timeoutMillis = (int) timeout.toMillis();
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      String detail = speak(kind, host, socket.getInputStream(), socket.getOutputStream());
      return new ProbeResult(true, detail, elapsedMillis(started));
    } catch (IOException | ProtocolMismatch e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new ProbeResult(false, reason, elapsedMillis(started));
    }
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static String speak(ProbeKind kind, String host, InputStream in, OutputStream out)
      throws IOException {
    DataInputStream data = new DataInputStream(in);
    DataOutputStream cmd = new DataOutputStream(out);
    return switch (kind) {
      case POSTGRES -> postgres(data, cmd);
      case KAFKA -> kafka(data, cmd);
      case RABBITMQ -> rabbitmq(data, cmd);
      case REDIS -> redis(data, cmd);
      case CASSANDRA -> cassandra(data, cmd);
      case HTTP -> http(host, data, cmd);
    };
  }

  /** SSLRequest: a running postmaster answers 'S' or 'N' before any authentication. */
  private static String postgres(DataInputStream in, DataOutputStream out) throws IOException {
    out.writeInt(8);
    out.writeInt(80877103);
    out.flush();
    int answer = in.read();
    if (answer == 'N' || answer == 'S') {
      return "accepting connections";
    }
    throw new ProtocolMismatch("unexpected answer to SSLRequest: " + answer);
  }

  /** ApiVersions v0: a broker that has joined its quorum answers with error code 0. */
  private static String kafka(DataInputStream in, DataOutputStream out) throws IOException {
    byte[] clientId = "kb-probe".getBytes(StandardCharsets.US_ASCII);
    int correlationId = 7;
    out.writeInt(2 + 2 + 4 + 2 + clientId.length);
    out.writeShort(18); // ApiVersions
    out.writeShort(0);
    out.writeInt(correlationId);
    out.writeShort(clientId.length);
    out.write(clientId);
    out.flush();
    int size = in.readInt();
    int answeredCorrelation = in.readInt();
    short errorCode = in.readShort();
    if (size < 6 || answeredCorrelation != correlationId) {
      throw new ProtocolMismatch("not a Kafka ApiVersions response");
    }
    if (errorCode != 0) {
      throw new ProtocolMismatch("broker answered ApiVersions with error " + errorCode);
    }
    return "broker answers ApiVersions";
  }

  /** AMQP 0-9-1 protocol header: the broker replies with a Connection.Start method frame. */
  private static String rabbitmq(DataInputStream in, DataOutputStream out) throws IOException {
    out.write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
    out.flush();
    int frameType = in.read();
    short channel = in.readShort();
    in.readInt(); // payload size
    short classId = in.readShort();
    short methodId = in.readShort();
    if (frameType == 1 && channel == 0 && classId == 10 && methodId == 10) {
      return "AMQP 0-9-1 Connection.Start";
    }
    throw new ProtocolMismatch("not an AMQP Connection.Start frame");
  }

  private static String redis(DataInputStream in, DataOutputStream out) throws IOException {
    out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String line = readLine(in);
    if (line.equals("+PONG")) {
      return "PONG";
    }
    throw new ProtocolMismatch("unexpected answer to PING: " + line);
  }

  /** CQL v4 OPTIONS: a node serving clients answers SUPPORTED (opcode 0x06). */
  private static String cassandra(DataInputStream in, DataOutputStream out) throws IOException {
    out.write(new byte[] {0x04, 0x00, 0x00, 0x01, 0x05, 0, 0, 0, 0});
    out.flush();
    int version = in.read();
    in.read(); // flags
    in.readShort(); // stream
    int opcode = in.read();
    if ((version & 0x80) != 0 && opcode == 0x06) {
      return "CQL native protocol SUPPORTED";
    }
    throw new ProtocolMismatch("unexpected CQL response opcode " + opcode);
  }

  private static String http(String host, DataInputStream in, DataOutputStream out)
      throws IOException {
    String request = "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String statusLine = readLine(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new ProtocolMismatch("not an HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    if (status >= 500) {
      throw new ProtocolMismatch("HTTP " + status);
    }
    return "HTTP " + status;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n' && line.length() < 512) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /** The server answered, but not as the protocol says a ready server answers. */
  private static final class ProtocolMismatch extends RuntimeException {
    ProtocolMismatch(String message) {
      super(message);
    }
  }
}
