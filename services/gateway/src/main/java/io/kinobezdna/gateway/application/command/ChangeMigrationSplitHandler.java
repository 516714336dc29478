package io.kinobezdna.gateway.application.command;

import io.kinobezdna.gateway.application.port.MigrationSplits;
import io.kinobezdna.gateway.application.port.PlatformTopology;
import io.kinobezdna.gateway.domain.MigrationSplit;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;

public final class ChangeMigrationSplitHandler {

  private final MigrationSplits splits;
  private final PlatformTopology topology;
  private final List<URI> allowedTargets;

  /** {@code allowedTargets}: the only upstreams a split may name (the new services' URLs). */
  public ChangeMigrationSplitHandler(
      MigrationSplits splits, PlatformTopology topology, List<URI> allowedTargets) {
    this.splits = splits;
    this.topology = topology;
    this.allowedTargets = List.copyOf(allowedTargets);
  }

  public CompletionStage<MigrationSplit> handle(ChangeMigrationSplit command) {
    if (!command.requestedByAdmin()) {
      throw new PlatformError(
          ErrorKind.PERMISSION_DENIED,
          "ADMIN_ONLY",
          "Only an administrator can change migration weights.");
    }
    boolean known =
        topology.serviceEndpoints().stream()
            .map(ServiceEndpoint::name)
            .anyMatch(name -> name.equals(command.service()));
    if (!known) {
      throw new PlatformError(
          ErrorKind.NOT_FOUND, "UNKNOWN_ROUTE", "There is no route for " + command.service());
    }
    if (command.percent() == null || command.percent() < 0 || command.percent() > 100) {
      throw PlatformError.invalidField("percent", "must be a whole number from 0 to 100");
    }
    URI target;
    if (command.target() != null) {
      target = parseTarget(command.target());
    } else {
      target =
          splits
              .of(command.service())
              .map(MigrationSplit::target)
              .orElseThrow(
                  () ->
                      PlatformError.invalidField(
                          "target", "is required: this route has no migration target yet"));
    }
    MigrationSplit split = new MigrationSplit(command.service(), target, command.percent());
    return splits.save(split).thenApply(ignored -> split);
  }

  /** A target named exactly as in the allow-list; anything else is refused, never fetched. */
  private URI parseTarget(String raw) {
    return allowedTargets.stream()
        .filter(allowed -> allowed.toString().equals(raw))
        .findFirst()
        .orElseThrow(
            () ->
                PlatformError.invalidField(
                    "target",
                    "must be one of the configured migration targets"
                        + " (kb.gateway.migration-targets)"));
  }
}
