import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on 127.0.0.1: the same request mix sent to the users service directly and through the
 * gateway, one phase after the other in one run. Prints one JSON line per phase.
 *
 * <ul>
 *   <li>capacity phases: closed loop, WORKERS virtual threads as fast as answers come back;
 *   <li>latency phases: open loop at a fixed RATE well below both capacities, each latency
 *       measured from the request's planned start (no coordinated omission), so the difference is
 *       what the gateway adds to a request, not queueing;
 *   <li>then 200 sequential sign-ins through the gateway.
 * </ul>
 *
 * <p>Usage: java GatewayBench.java gatewayBase usersBase email password seconds workers rate
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
    String gateway = args[0], users = args[1], email = args[2], password = args[3];
    int seconds = Integer.parseInt(args[4]), workers = Integer.parseInt(args[5]);
    int rate = Integer.parseInt(args[6]);
    String session = login(gateway, email, password);
    String token = field(session, "accessToken");
    String me = field(session, "id");

    // The mix a signed-in viewer's pages make: own profile and settings, someone's profile,
    // a follower list and a people search.
    List<String> mix = List.of("/me", "/profiles/" + me, "/profiles/" + me + "/followers", "/search?q=demo");
    List<HttpRequest> direct = requests(users, mix, token);
    List<HttpRequest> proxied = requests(gateway + "/api/users", mix, token);

    // Warm both paths (JIT, connection pools, JWKS and token caches).
    closedLoop("warmup-direct", direct, 5, workers);
    closedLoop("warmup-gateway", proxied, 5, workers);
    System.out.println(closedLoop("capacity-direct", direct, seconds, workers).json());
    System.out.println(closedLoop("capacity-gateway", proxied, seconds, workers).json());
    System.out.println(openLoop("latency-direct", direct, seconds, rate).json());
    System.out.println(openLoop("latency-gateway", proxied, seconds, rate).json());

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
        pct(loginNanos, 0.50),
        pct(loginNanos, 0.99));
  }

  static List<HttpRequest> requests(String base, List<String> paths, String token) {
    return paths.stream()
        .map(
            p ->
                HttpRequest.newBuilder(URI.create(base + p))
                    .header("Authorization", "Bearer " + token)
                    .build())
        .toList();
  }

  static String field(String json, String name) {
    return json.split("\"" + name + "\":\"")[1].split("\"")[0];
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

  /** Sends one request; true when it was answered 200. */
  static boolean send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  static Result closedLoop(String name, List<HttpRequest> mix, int seconds, int workers)
      throws Exception {
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
                      if (!send(mix.get((n + worker) % mix.size()))) errors.incrementAndGet();
                      if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
                      samples[n++] = System.nanoTime() - t0;
                    }
                    samplesOf[worker] = Arrays.copyOf(samples, n);
                  }));
    }
    for (Thread t : threads) t.join();
    long[] all = Arrays.stream(samplesOf).flatMapToLong(Arrays::stream).sorted().toArray();
    return result(name, all, all.length / (double) seconds, errors.get());
  }

  static Result openLoop(String name, List<HttpRequest> mix, int seconds, int rate)
      throws Exception {
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    int total = seconds * rate;
    ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    List<Thread> inFlight = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      long planned = start + i * interval;
      LockSupport.parkNanos(planned - System.nanoTime());
      HttpRequest request = mix.get(i % mix.size());
      inFlight.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    if (!send(request)) errors.incrementAndGet();
                    samples.add(System.nanoTime() - planned);
                  }));
    }
    for (Thread t : inFlight) t.join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    return result(name, all, all.length / elapsed, errors.get());
  }

  static Result result(String name, long[] sorted, double rps, long errors) {
    return new Result(
        name, rps, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), errors);
  }

  static double pct(long[] sorted, double q) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)] / 1e6;
  }
}
