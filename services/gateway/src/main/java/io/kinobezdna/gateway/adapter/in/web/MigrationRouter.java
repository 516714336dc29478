package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.application.port.MigrationSplits;
import io.kinobezdna.gateway.domain.MigrationSplit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies strangler-fig splits: a caller on the target side of a service's split is sent to the
 * target instead of the service's own upstream (same path and query). Counts every request of a
 * split service per side in {@value #METRIC}.
 */
public final class MigrationRouter {

  public static final String METRIC = "kb.gateway.migration.requests";

  private final MigrationSplits splits;
  private final MeterRegistry meters;

  public MigrationRouter(MigrationSplits splits, MeterRegistry meters) {
    this.splits = splits;
    this.meters = meters;
  }

  /** Where this caller's request to {@code service} goes: its own upstream or the split target. */
  URI upstream(String service, URI current, String stickyKey) {
    Optional<MigrationSplit> split = splits.of(service);
    if (split.isEmpty()) {
      return current;
    }
    MigrationSplit.Side side = split.get().sideFor(stickyKey);
    counter(service, side).increment();
    return side == MigrationSplit.Side.TARGET ? split.get().target() : current;
  }

  public double count(String service, MigrationSplit.Side side) {
    return counter(service, side).count();
  }

  private Counter counter(String service, MigrationSplit.Side side) {
    return meters.counter(METRIC, "service", service, "side", side.name().toLowerCase(Locale.ROOT));
  }
}
