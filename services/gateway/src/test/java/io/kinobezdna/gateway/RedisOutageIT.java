package io.kinobezdna.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kinobezdna.devstack.Executables;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter's Redis dies while the edge is under load: every request still gets its answer
 * (the limiter fails open after its 50 ms Redis timeout, counted in a metric) and none waits long.
 * The gateway runs against a Redis of its own, started here, which the test kills.
 */
class RedisOutageIT {

  private static final int WORKERS = 8;
  private static Process redis;
  private static HttpServer upstream;
  private static TestGateway gateway;
  private static Path redisDir;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    redisDir = Files.createTempDirectory("kb-redis-outage");
    redis =
        new ProcessBuilder(
                Executables.program("/usr/bin/redis-server", "redis-server"),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                redisDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(redisDir.resolve("redis.log").toFile())
            .start();
    awaitListening(port);
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    upstream.start();
    gateway =
        TestGateway.start(
            "--spring.data.redis.port=" + port,
            "--kb.services.echo=http://127.0.0.1:" + upstream.getAddress().getPort(),
            "--kb.gateway.public-routes=/api/echo/",
            "--kb.gateway.rate-limit.address-per-second=100000",
            "--kb.gateway.rate-limit.address-burst=100000");
  }

  @AfterAll
  static void stop() throws IOException {
    gateway.close();
    upstream.stop(0);
    redis.destroyForcibly();
    try (var files = Files.walk(redisDir)) {
      files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void theEdgeKeepsAnsweringPromptlyWhenRedisDies() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + gateway.port() + "/api/echo/x");
    AtomicBoolean redisDead = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<Long> millisAfterOutage = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    CountDownLatch warm = new CountDownLatch(WORKERS * 20);
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < WORKERS; w++) {
        workers.submit(
            () -> {
              while (!done.get()) {
                boolean afterOutage = redisDead.get();
                long started = System.nanoTime();
                HttpResponse<String> answer =
                    http.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.add(answer.statusCode());
                if (afterOutage) {
                  millisAfterOutage.add((System.nanoTime() - started) / 1_000_000);
                }
                warm.countDown();
              }
              return null;
            });
      }
      assertThat(warm.await(30, TimeUnit.SECONDS)).isTrue();
      redis.destroyForcibly().waitFor();
      redisDead.set(true);
      while (millisAfterOutage.size() < 400) {
        Thread.sleep(50);
      }
      done.set(true);
    }

    assertThat(statuses).containsOnly(200);
    List<Long> sorted = new ArrayList<>(millisAfterOutage);
    Collections.sort(sorted);
    long p99 = sorted.get((int) (sorted.size() * 0.99) - 1);
    assertThat(p99).as("p99 ms after Redis died").isLessThan(500);
    assertThat(sorted.getLast()).as("slowest ms after Redis died").isLessThan(2000);
    MeterRegistry meters = gateway.context().getBean(MeterRegistry.class);
    assertThat(meters.counter("kb.gateway.rate-limit.fail-open").count()).isPositive();
  }

  private static void awaitListening(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(20);
      }
    }
  }
}
