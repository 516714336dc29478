package io.kinobezdna.gateway.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kinobezdna.gateway.application.query.GetPlatformStatus;
import io.kinobezdna.gateway.application.query.GetPlatformStatusHandler;
import io.kinobezdna.gateway.domain.ComponentHealth;
import io.kinobezdna.gateway.domain.PlatformStatus;
import io.kinobezdna.platform.auth.VerifiedCaller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/status}: the health of everything, for the site's status page. Anyone sees each
 * component up or down; only an ADMIN sees where it was checked, what it answered and how long it
 * took (hosts, ports and error texts help an attacker more than a visitor), and where the traces
 * are ({@code kb.status.traces-url}, Zipkin's UI on a developer's platform). One round of probes
 * serves every caller for {@link #PROBES_CACHED_FOR}, so the endpoint cannot multiply load on the
 * platform.
 */
@RestController
class StatusController {

  static final Duration PROBES_CACHED_FOR = Duration.ofSeconds(2);

  // Probes block on sockets, so they run off the event loop.
  private final Mono<PlatformStatus> status;
  private final String tracesUrl;

  StatusController(
      GetPlatformStatusHandler handler, @Value("${kb.status.traces-url:}") String tracesUrl) {
    this.tracesUrl = tracesUrl.isBlank() ? null : tracesUrl;
    this.status =
        Mono.fromCallable(() -> handler.handle(new GetPlatformStatus()))
            .subscribeOn(Schedulers.boundedElastic())
            .cache(PROBES_CACHED_FOR);
  }

  @GetMapping("/api/status")
  Mono<ResponseEntity<StatusView>> status(ServerWebExchange exchange) {
    VerifiedCaller caller = exchange.getAttribute(EdgeAdmissionFilter.CALLER_ATTRIBUTE);
    boolean details = caller != null && caller.roles().contains("ADMIN");
    return status.map(
        status ->
            ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(StatusView.of(status, details, details ? tracesUrl : null)));
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StatusView(
      String status,
      Instant checkedAt,
      List<ComponentView> infrastructure,
      List<ComponentView> services,
      String tracesUrl) {
    static StatusView of(PlatformStatus status, boolean details, String tracesUrl) {
      return new StatusView(
          status.allUp() ? "UP" : "DEGRADED",
          status.checkedAt(),
          status.infrastructure().stream().map(c -> ComponentView.of(c, details)).toList(),
          status.services().stream().map(c -> ComponentView.of(c, details)).toList(),
          tracesUrl);
    }
  }

  /** A component as a caller may see it: target, detail and millis for an ADMIN only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ComponentView(
      String name, String kind, boolean up, String target, String detail, Long millis) {
    static ComponentView of(ComponentHealth health, boolean details) {
      return details
          ? new ComponentView(
              health.name(),
              health.kind(),
              health.up(),
              health.target(),
              health.detail(),
              health.millis())
          : new ComponentView(health.name(), health.kind(), health.up(), null, null, null);
    }
  }
}
