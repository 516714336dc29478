import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on 127.0.0.1: WORKERS virtual threads send the same request mix to a service
 * directly and through the gateway, one phase after the other in one run, and print throughput and
 * latency percentiles as JSON lines. Then login latency through the gateway.
 *
 * <p>Usage: java GatewayBench.java gatewayBase usersBase authBase email password seconds workers
 */
public class GatewayBench {

  record Result(String name, double rps, double p50, double p90, double p99, long errors) {
    String json() {
      return String.format(
          Locale.ROOT,
          "{\"phase\":\"%s\",\"rps\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"errors\":%d}",
          name, rps, p50, p90, p99, errors);
    }
  }

  static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    String gateway = args[0], users = args[1], auth = args[2], email = args[3], password = args[4];
    int seconds = Integer.parseInt(args[5]), workers = Integer.parseInt(args[6]);
    String token = login(gateway, email, password).split("\"accessToken\":\"")[1].split("\"")[0];

    // Warm both paths (JIT, connection pools, JWKS and token caches).
    run("warmup-direct", users + "/me", token, 5, workers);
    run("warmup-gateway", gateway + "/api/users/me", token, 5, workers);
    System.out.println(run("direct", users + "/me", token, seconds, workers).json());
    System.out.println(run("gateway", gateway + "/api/users/me", token, seconds, workers).json());

    int logins = 200;
    long[] loginNanos = new long[logins];
    for (int i = 0; i < logins; i++) {
      long t0 = System.nanoTime();
      login(gateway, email, password);
      loginNanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(loginNanos);
    System.out.printf(
        Locale.ROOT,
        "{\"phase\":\"login\",\"count\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f}%n",
        logins,
        loginNanos[logins / 2] / 1e6,
        loginNanos[(int) Math.ceil(logins * 0.99) - 1] / 1e6);
  }

  static String login(String gateway, String email, String password) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  static Result run(String name, String url, String token, int seconds, int workers)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong errors = new AtomicLong();
    long[][] samplesOf = new long[workers][];
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    long[] samples = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                      long t0 = System.nanoTime();
                      try {
                        HttpResponse<Void> r =
                            http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) errors.incrementAndGet();
                      } catch (Exception e) {
                        errors.incrementAndGet();
                      }
                      if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
                      samples[n++] = System.nanoTime() - t0;
                    }
                    samplesOf[worker] = Arrays.copyOf(samples, n);
                  }));
    }
    for (Thread t : threads) t.join();
    long[] all = Arrays.stream(samplesOf).flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(
        name,
        all.length / (double) seconds,
        pct(all, 0.50),
        pct(all, 0.90),
        pct(all, 0.99),
        errors.get());
  }

  static double pct(long[] sorted, double q) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)] / 1e6;
  }
}
