package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.application.query.GetPlatformStatus;
import io.kinobezdna.gateway.application.query.GetPlatformStatusHandler;
import io.kinobezdna.gateway.domain.ComponentHealth;
import io.kinobezdna.gateway.domain.PlatformStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/status}: the health of everything, for the site's status page. */
@RestController
class StatusController {

  private final GetPlatformStatusHandler handler;

  StatusController(GetPlatformStatusHandler handler) {
    this.handler = handler;
  }

  /** Probes block on sockets, so they run off the event loop. */
  @GetMapping("/api/status")
  Mono<ResponseEntity<StatusView>> status() {
    return Mono.fromCallable(() -> handler.handle(new GetPlatformStatus()))
        .subscribeOn(Schedulers.boundedElastic())
        .map(
            status ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(StatusView.of(status)));
  }

  record StatusView(
      String status,
      Instant checkedAt,
      List<ComponentHealth> infrastructure,
      List<ComponentHealth> services) {
    static StatusView of(PlatformStatus status) {
      return new StatusView(
          status.allUp() ? "UP" : "DEGRADED",
          status.checkedAt(),
          status.infrastructure(),
          status.services());
    }
  }
}
