package io.kinobezdna.gateway.application.port;

import io.kinobezdna.gateway.domain.MigrationSplit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The migration weights in force, shared by every gateway instance. */
public interface MigrationSplits {

  /** The split of a route as this instance knows it now (no I/O: called on every request). */
  Optional<MigrationSplit> of(String service);

  List<MigrationSplit> all();

  /** Stores a new weight for every instance; completes once stored. */
  CompletionStage<Void> save(MigrationSplit split);
}
