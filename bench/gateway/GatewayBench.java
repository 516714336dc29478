package gateway;

import static load.Load.closedLoop;
import static load.Load.closedLoopSlice;
import static load.Load.http;
import static load.Load.openLoopSlice;
import static load.Load.pct;
import static load.Load.result;

import java.net.URI;
import load.Load;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Load on 127.0.0.1: the same request mix sent to the users service directly and through the
 * gateway, one phase after the other in one run. Prints one JSON line per phase.
 *
 * <ul>
 *   <li>capacity phases: closed loop, virtual threads sending as fast as answers come back, with
 *       WORKERS in flight (where the service alone saturates the cores) and with {@value
 *       #SATURATING_FACTOR} times as many. A request through the gateway spends longer in
 *       flight (one more hop, one more thread to be scheduled on the shared cores), so at the
 *       lower count the gateway side can be held back by its latency rather than by the machine:
 *       the higher count shows what each side can carry at most;
 *   <li>latency phases: open loop at a fixed RATE well below both capacities, each latency
 *       measured from the request's planned start (no coordinated omission), so the difference is
 *       what the gateway adds to a request, not queueing;
 *   <li>then 200 sequential sign-ins through the gateway.
 * </ul>
 *
 * <p>Each phase runs in {@value #SLICE_SECONDS}-second slices that alternate direct and gateway
 * (SECONDS of each in all): on two shared cores the same phase run twice in a row differs by up
 * to a third (JIT, GC, the VM's neighbours), and alternating puts that drift on both sides alike.
 *
 * <p>Usage: java GatewayBench.java gatewayBase usersBase email password seconds workers rate
 */
public class GatewayBench {

  static final int SLICE_SECONDS = 5;
  static final int SATURATING_FACTOR = 4;

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

    // Warm both paths (JIT, connection pools, JWKS and token caches) until steady: with the load
    // generator on the same two cores the compilers get little CPU, and the shared JVM was still
    // compiling after a minute of saturated load (seen in bench/commerce and bench/catalog).
    for (int round = 0; round < 6; round++) {
      closedLoop("warmup-direct", direct, 10, workers);
      closedLoop("warmup-gateway", proxied, 10, workers);
    }
    List<Load.Slice> capacityDirect = new ArrayList<>(), capacityGateway = new ArrayList<>();
    List<Load.Slice> saturatedDirect = new ArrayList<>(), saturatedGateway = new ArrayList<>();
    List<Load.Slice> latencyDirect = new ArrayList<>(), latencyGateway = new ArrayList<>();
    for (int slice = 0; slice < Math.max(1, seconds / SLICE_SECONDS); slice++) {
      capacityDirect.add(closedLoopSlice(direct, SLICE_SECONDS, workers));
      capacityGateway.add(closedLoopSlice(proxied, SLICE_SECONDS, workers));
      saturatedDirect.add(closedLoopSlice(direct, SLICE_SECONDS, workers * SATURATING_FACTOR));
      saturatedGateway.add(closedLoopSlice(proxied, SLICE_SECONDS, workers * SATURATING_FACTOR));
    }
    for (int slice = 0; slice < Math.max(1, seconds / SLICE_SECONDS); slice++) {
      latencyDirect.add(openLoopSlice(direct, SLICE_SECONDS, rate));
      latencyGateway.add(openLoopSlice(proxied, SLICE_SECONDS, rate));
    }
    System.out.println(result("capacity-direct", capacityDirect).json());
    System.out.println(result("capacity-gateway", capacityGateway).json());
    System.out.println(result("saturated-direct", saturatedDirect).json());
    System.out.println(result("saturated-gateway", saturatedGateway).json());
    System.out.println(result("latency-direct", latencyDirect).json());
    System.out.println(result("latency-gateway", latencyGateway).json());

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

  static final java.time.Duration ANSWER_WITHIN = java.time.Duration.ofSeconds(10);

  static List<HttpRequest> requests(String base, List<String> paths, String token) {
    return paths.stream()
        .map(
            p ->
                HttpRequest.newBuilder(URI.create(base + p))
                    .header("Authorization", "Bearer " + token)
                    // an unanswered request is a failure of its phase, not a stalled run
                    .timeout(ANSWER_WITHIN)
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

}
