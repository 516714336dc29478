package io.kinobezdna.gateway.application.command;

import io.kinobezdna.gateway.application.port.MigrationSplits;
import io.kinobezdna.gateway.application.port.PlatformTopology;
import io.kinobezdna.gateway.domain.MigrationSplit;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.net.URI;
import java.util.concurrent.CompletionStage;

public final class ChangeMigrationSplitHandler {

  private final MigrationSplits splits;
  private final PlatformTopology topology;

  public ChangeMigrationSplitHandler(MigrationSplits splits, PlatformTopology topology) {
    this.splits = splits;
    this.topology = topology;
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

  private static URI parseTarget(String raw) {
    try {
      URI uri = URI.create(raw);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw PlatformError.invalidField("target", "must be an http(s) URL");
    }
  }
}
