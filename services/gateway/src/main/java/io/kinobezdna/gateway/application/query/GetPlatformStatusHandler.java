package io.kinobezdna.gateway.application.query;

import io.kinobezdna.gateway.application.port.InfrastructureProbe;
import io.kinobezdna.gateway.application.port.PlatformTopology;
import io.kinobezdna.gateway.application.port.ServiceReadiness;
import io.kinobezdna.gateway.domain.ComponentHealth;
import io.kinobezdna.gateway.domain.PlatformStatus;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Checks everything at once (one virtual thread per check), so the page costs the slowest check,
 * not the sum of them. The gateway answers for itself: it is serving this query.
 */
public final class GetPlatformStatusHandler {

  private final PlatformTopology topology;
  private final InfrastructureProbe infrastructureProbe;
  private final ServiceReadiness serviceReadiness;
  private final Clock clock;

  public GetPlatformStatusHandler(
      PlatformTopology topology,
      InfrastructureProbe infrastructureProbe,
      ServiceReadiness serviceReadiness,
      Clock clock) {
    this.topology = topology;
    this.infrastructureProbe = infrastructureProbe;
    this.serviceReadiness = serviceReadiness;
    this.clock = clock;
  }

  public PlatformStatus handle(GetPlatformStatus query) {
    try (ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<ComponentHealth>> infrastructure =
          topology.infrastructureEndpoints().stream()
              .map(e -> submit(checks, () -> infrastructureProbe.probe(e)))
              .toList();
      List<Future<ComponentHealth>> services =
          topology.serviceEndpoints().stream()
              .map(s -> submit(checks, () -> serviceReadiness.check(s)))
              .toList();
      ComponentHealth self =
          new ComponentHealth("gateway", "service", "self", true, "serving this request", 0);
      List<ComponentHealth> serviceHealth =
          Stream.concat(Stream.of(self), services.stream().map(GetPlatformStatusHandler::join))
              .toList();
      return new PlatformStatus(
          clock.instant(),
          infrastructure.stream().map(GetPlatformStatusHandler::join).toList(),
          serviceHealth);
    }
  }

  private static Future<ComponentHealth> submit(
      ExecutorService executor, Supplier<ComponentHealth> check) {
    return executor.submit(check::get);
  }

  private static ComponentHealth join(Future<ComponentHealth> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking platform status", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a status check failed unexpectedly", e.getCause());
    }
  }
}
