package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.application.command.ChangeMigrationSplit;
import io.kinobezdna.gateway.application.command.ChangeMigrationSplitHandler;
import io.kinobezdna.gateway.application.port.MigrationSplits;
import io.kinobezdna.gateway.domain.MigrationSplit;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Admin-only: see and change the strangler-fig weights at run time. */
@RestController
class MigrationAdminController {

  record SplitView(String service, String target, int percent, long currentSide, long targetSide) {}

  record ChangeRequest(String target, Integer percent) {}

  private final ChangeMigrationSplitHandler change;
  private final MigrationSplits splits;
  private final MigrationRouter routing;

  MigrationAdminController(
      ChangeMigrationSplitHandler change, MigrationSplits splits, MigrationRouter routing) {
    this.change = change;
    this.splits = splits;
    this.routing = routing;
  }

  @GetMapping("/api/admin/migrations")
  List<SplitView> list(ServerWebExchange exchange) {
    requireAdmin(exchange);
    return splits.all().stream()
        .sorted(Comparator.comparing(MigrationSplit::service))
        .map(this::view)
        .toList();
  }

  @PutMapping("/api/admin/migrations/{service}")
  Mono<SplitView> change(
      @PathVariable String service, @RequestBody ChangeRequest body, ServerWebExchange exchange) {
    VerifiedCaller caller = exchange.getAttribute(EdgeAdmissionFilter.CALLER_ATTRIBUTE);
    return Mono.fromCompletionStage(
            () ->
                change.handle(
                    new ChangeMigrationSplit(
                        service,
                        body.target(),
                        body.percent(),
                        caller != null && caller.isAdmin())))
        .map(this::view);
  }

  private SplitView view(MigrationSplit split) {
    return new SplitView(
        split.service(),
        split.target().toString(),
        split.percent(),
        (long) routing.count(split.service(), MigrationSplit.Side.CURRENT),
        (long) routing.count(split.service(), MigrationSplit.Side.TARGET));
  }

  private static void requireAdmin(ServerWebExchange exchange) {
    VerifiedCaller caller = exchange.getAttribute(EdgeAdmissionFilter.CALLER_ATTRIBUTE);
    if (caller == null || !caller.isAdmin()) {
      throw new PlatformError(
          ErrorKind.PERMISSION_DENIED, "ADMIN_ONLY", "Only an administrator can see this.");
    }
  }
}
