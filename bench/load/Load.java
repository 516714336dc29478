package load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load engine every Java scenario under bench/ shares (Java's multi-file source launcher finds
 * it: a scenario declares a package named after its folder, so bench/ is the source root).
 *
 * <ul>
 *   <li>closed loop: WORKERS virtual threads sending as fast as answers come back (capacity);
 *   <li>open loop: requests started at a fixed RATE whatever the answers do, each latency measured
 *       from its planned start, so queueing shows up instead of hiding (no coordinated omission).
 * </ul>
 */
public final class Load {

  private Load() {}

  /** One phase's numbers; {@code failures} counts each kind of error (an HTTP status or an exception). */
  public record Result(
      String name, double rps, double p50, double p90, double p99, long errors, Map<String, Long> failures) {
    public String json() {
      String kinds =
          failures.entrySet().stream()
              .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
              .collect(Collectors.joining(",", "{", "}"));
      return String.format(
          Locale.ROOT,
          "{\"phase\":\"%s\",\"rps\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"errors\":%d,\"failures\":%s}",
          name, rps, p50, p90, p99, errors, kinds);
    }
  }

  /** Every failed request of the running phase, by kind. */
  private static final ConcurrentHashMap<String, LongAdder> failures = new ConcurrentHashMap<>();

  public static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Sends one request; true when it was answered 2xx (else its kind of failure is counted). */
  public static boolean send(HttpRequest request) {
    String failure;
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        return true;
      }
      failure = "http_" + status;
    } catch (Exception e) {
      failure = e.getClass().getSimpleName();
    }
    failures.computeIfAbsent(failure, k -> new LongAdder()).increment();
    return false;
  }

  public static Result closedLoop(String name, List<HttpRequest> mix, int seconds, int workers)
      throws Exception {
    return result(name, List.of(closedLoopSlice(mix, seconds, workers)));
  }

  /**
   * The raw numbers of one stretch of load: phases that compare two targets alternate short slices
   * of each and merge them ({@link #result(String, List)}), so drift on a shared machine (JIT,
   * GC, neighbours) falls on both alike.
   */
  public record Slice(long[] latencies, double seconds, long errors, Map<String, Long> failures) {}

  public static Slice closedLoopSlice(List<HttpRequest> mix, int seconds, int workers)
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
    long[] all = Arrays.stream(samplesOf).flatMapToLong(Arrays::stream).toArray();
    return new Slice(all, seconds, errors.get(), drainFailures());
  }

  public static Result openLoop(String name, List<HttpRequest> mix, int seconds, int rate)
      throws Exception {
    return result(name, List.of(openLoopSlice(mix, seconds, rate)));
  }

  public static Slice openLoopSlice(List<HttpRequest> mix, int seconds, int rate)
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
    long[] all = samples.stream().mapToLong(Long::longValue).toArray();
    return new Slice(all, elapsed, errors.get(), drainFailures());
  }

  /** One phase's numbers from its slices: all latencies together, requests over total time. */
  public static Result result(String name, List<Slice> slices) {
    long[] all = slices.stream().flatMapToLong(s -> Arrays.stream(s.latencies())).sorted().toArray();
    double seconds = slices.stream().mapToDouble(Slice::seconds).sum();
    Map<String, Long> kinds = new TreeMap<>();
    slices.forEach(s -> s.failures().forEach((kind, count) -> kinds.merge(kind, count, Long::sum)));
    long errors = slices.stream().mapToLong(Slice::errors).sum();
    return new Result(
        name, all.length / seconds, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), errors, kinds);
  }

  private static Map<String, Long> drainFailures() {
    Map<String, Long> kinds = new TreeMap<>();
    failures.forEach((kind, count) -> kinds.put(kind, count.sum()));
    failures.clear();
    return kinds;
  }

  public static double pct(long[] sorted, double q) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)] / 1e6;
  }
}
