package io.kinobezdna.gateway.adapter.in.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.kinobezdna.platform.context.ContextPropagation;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The edge's header policy, for every path a request can take (plain calls, WebSockets, server-sent
 * events, transfers and gRPC-Web through Spring Cloud Gateway's routes, the gateway's own
 * endpoints):
 *
 * <ul>
 *   <li>identity: what a client claims ({@value ContextPropagation#CALLER_ID}, {@value
 *       #CALLER_ROLES}, {@value ContextPropagation#CLIENT_ADDRESS}, the Authorization it sent) is
 *       replaced by what {@link EdgeAdmission} verified ({@link #identify});
 *   <li>forwarding: {@code X-Forwarded-For/-Proto/-Host} and {@code Forwarded} are set by the
 *       gateway from its socket; what a client sent is kept only when its peer is a configured
 *       trusted proxy (an ingress), which then also names the client ({@link #clientAddress});
 *   <li>hop-by-hop headers and every header named in {@code Connection} leave both ways: Spring
 *       Cloud Gateway's {@link RemoveHopByHopHeadersFilter}, configured with the full RFC 9110 list
 *       in {@code gateway.yaml}; client trailers never reach a service (a proxied body carries only
 *       its bytes).
 * </ul>
 *
 * As a gateway {@link HttpHeadersFilter} it runs on the headers of every proxied request, after
 * Spring Cloud Gateway's own filters have removed the forwarding headers of untrusted hops.
 */
public final class EdgeHeaderPolicy implements HttpHeadersFilter, Ordered {

  public static final String CALLER_ROLES = "x-caller-roles";
  public static final String GATEWAY_PREFIX = "X-Gateway-Prefix";

  /** Route metadata naming the service a route leads to. */
  public static final String SERVICE_METADATA = "kb.service";

  /** The exchange attribute with the client's address as {@link EdgeRequestGuard} determined it. */
  public static final String CLIENT_ADDRESS_ATTRIBUTE =
      EdgeHeaderPolicy.class.getName() + ".clientAddress";

  private static final String FORWARDED = "Forwarded";
  private static final String X_FORWARDED_FOR = "X-Forwarded-For";
  private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
  private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
  private static final List<String> FORWARDING =
      List.of(
          FORWARDED,
          X_FORWARDED_FOR,
          X_FORWARDED_PROTO,
          X_FORWARDED_HOST,
          "X-Forwarded-Port",
          "X-Forwarded-Prefix",
          "X-Real-IP");

  private final Set<String> trustedProxies;

  /** {@code trustedProxies}: addresses of proxies in front of the gateway whose headers count. */
  public EdgeHeaderPolicy(List<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /**
   * The client: the socket peer, unless the peer is a trusted proxy — then the last hop its {@code
   * X-Forwarded-For} names that is not itself a trusted proxy.
   */
  public String clientAddress(ServerHttpRequest request) {
    String peer = peerAddress(request.getRemoteAddress());
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> hops = forwardedFor(request.getHeaders());
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trustedProxies.contains(hops.get(i))) {
        return hops.get(i);
      }
    }
    return hops.isEmpty() ? peer : hops.getFirst();
  }

  /** The verified caller's identity in place of whatever a client claimed. */
  static void identify(HttpHeaders headers, EdgeAdmission.Admitted admitted, String client) {
    headers.remove(ContextPropagation.CALLER_ID);
    headers.remove(CALLER_ROLES);
    headers.remove(HttpHeaders.AUTHORIZATION);
    headers.set(ContextPropagation.CLIENT_ADDRESS, client);
    if (admitted.caller() != null) {
      headers.set(HttpHeaders.AUTHORIZATION, admitted.authorization());
      headers.set(ContextPropagation.CALLER_ID, admitted.caller().userId());
      headers.set(CALLER_ROLES, String.join(",", admitted.caller().roles()));
    }
  }

  /** A request the edge did not admit keeps no identity a client claimed (own endpoints). */
  static void anonymous(HttpHeaders headers, String client) {
    headers.remove(ContextPropagation.CALLER_ID);
    headers.remove(CALLER_ROLES);
    headers.set(ContextPropagation.CLIENT_ADDRESS, client);
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    String peer = peerAddress(request.getRemoteAddress());
    boolean trusted = trustedProxies.contains(peer);
    HttpHeaders sent = request.getHeaders();
    HttpHeaders forwarded = new HttpHeaders();
    forwarded.addAll(input);
    FORWARDING.forEach(forwarded::remove);
    forwarded.remove(GATEWAY_PREFIX);

    List<String> hops = trusted ? forwardedFor(sent) : List.of();
    String chain = hops.isEmpty() ? peer : String.join(", ", hops) + ", " + peer;
    String proto =
        trusted && sent.getFirst(X_FORWARDED_PROTO) != null
            ? sent.getFirst(X_FORWARDED_PROTO)
            : request.getURI().getScheme();
    String host =
        trusted && sent.getFirst(X_FORWARDED_HOST) != null
            ? sent.getFirst(X_FORWARDED_HOST)
            : sent.getFirst(HttpHeaders.HOST);
    forwarded.set(X_FORWARDED_FOR, chain);
    forwarded.set(X_FORWARDED_PROTO, proto);
    if (host != null) {
      forwarded.set(X_FORWARDED_HOST, host);
    }
    forwarded.set(
        FORWARDED,
        "for=\""
            + nodeName(peer)
            + "\";proto="
            + proto
            + (host == null ? "" : ";host=\"" + host + "\""));
    Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    if (route != null && route.getMetadata().get(SERVICE_METADATA) instanceof String service) {
      // where the service is seen from outside (its OpenAPI document names it as the server for
      // swagger-ui's "try it out")
      forwarded.set(GATEWAY_PREFIX, "/api/" + service);
    }
    return forwarded;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }

  /** After Spring Cloud Gateway's own request filters (they run from order 0). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 10;
  }

  static String peerAddress(InetSocketAddress remote) {
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  private static List<String> forwardedFor(HttpHeaders headers) {
    List<String> values = headers.get(X_FORWARDED_FOR);
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .filter(hop -> !hop.isEmpty())
        .toList();
  }

  /** An address as RFC 7239 writes it: IPv6 in brackets. */
  private static String nodeName(String address) {
    return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
  }
}
