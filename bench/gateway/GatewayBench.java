package gateway;

import static load.Load.closedLoop;
import static load.Load.http;
import static load.Load.openLoop;
import static load.Load.pct;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

}
