package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shopper's checkout — a film into the cart, then checkout — under one trace id the client starts
 * (a {@code traceparent} on both requests, as a traced browser sends it), then read back from
 * Zipkin: the gateway, cart, catalog (cart asks it for the product), orders and, through Kafka, the
 * notifications consumer all report spans of that one trace.
 */
final class CheckoutTrace {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final JsonMapper json = JsonMapper.builder().build();
  private static final SecureRandom random = new SecureRandom();

  private final String gateway;
  private final String zipkin;
  private final String traceId = hex(16);

  CheckoutTrace(String gateway, String zipkin) {
    this.gateway = gateway;
    this.zipkin = zipkin;
  }

  private static String hex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }

  /**
   * Checks out as a new shopper; returns the trace's spans once every one of {@code services} has
   * reported some and every consumer span's parent is in (or what Zipkin has after a minute).
   */
  Map<String, JsonNode> checkOutAndCollectSpans(Set<String> services) throws Exception {
    String email = "traced-" + UUID.randomUUID() + "@example.com";
    JsonNode session =
        send(
            "POST",
            "/api/auth/register",
            null,
            "{\"email\":\""
                + email
                + "\",\"password\":\"popcorn in the dark\","
                + "\"displayName\":\"Traced shopper\"}",
            201);
    String token = session.get("accessToken").asString();
    String userId = session.get("user").get("id").asString();
    long sku = anOfferOnSale();

    send("POST", "/api/cart/user/" + userId + "/cart/" + sku, token, "{\"count\":1}", 200);
    send("POST", "/api/cart/checkout/" + userId, token, null, 200);

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Map<String, JsonNode> spans = spans();
    // spans arrive in each service's own export batch: a consumer's may come before its parent's
    while (!(services(spans).containsAll(services) && consumersHaveTheirParents(spans))
        && System.nanoTime() < deadline) {
      Thread.sleep(500); // spans are exported in batches, every few seconds
      spans = spans();
    }
    return spans;
  }

  /** The SKU of the first offer of the first film that has one. */
  private long anOfferOnSale() throws Exception {
    JsonNode films = send("GET", "/api/catalog/films?limit=20", null, null, 200).get("items");
    for (JsonNode film : films) {
      JsonNode offers =
          send("GET", "/api/catalog/films/" + film.get("id").asString(), null, null, 200)
              .path("offers");
      if (!offers.isEmpty()) {
        return offers.get(0).get("sku").asLong();
      }
    }
    throw new AssertionError("no film on sale among " + films);
  }

  String traceId() {
    return traceId;
  }

  private static boolean consumersHaveTheirParents(Map<String, JsonNode> spans) {
    return spans.values().stream()
        .filter(span -> span.path("kind").asString("").equals("CONSUMER"))
        .allMatch(span -> spans.containsKey(span.path("parentId").asString("")));
  }

  static String serviceOf(JsonNode span) {
    return span.path("localEndpoint").path("serviceName").asString("");
  }

  static Set<String> services(Map<String, JsonNode> spans) {
    Set<String> names = new HashSet<>();
    spans.values().forEach(span -> names.add(serviceOf(span)));
    return names;
  }

  /** The trace's spans by span id; none while Zipkin has not seen it. */
  private Map<String, JsonNode> spans() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(zipkin + "/api/v2/trace/" + traceId)).build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, JsonNode> byId = new HashMap<>();
    if (response.statusCode() == 200) {
      for (JsonNode span : json.readTree(response.body())) {
        byId.put(span.get("id").asString(), span);
      }
    }
    return byId;
  }

  private JsonNode send(String method, String path, String token, String body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(expected);
    return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
  }
}
