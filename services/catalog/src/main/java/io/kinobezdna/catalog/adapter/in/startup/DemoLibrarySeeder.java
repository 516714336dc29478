package io.kinobezdna.catalog.adapter.in.startup;

import io.kinobezdna.catalog.application.command.SeedDemoLibraryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** An empty catalog gets the demo library once the catalog has started. */
public final class DemoLibrarySeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLibrarySeeder.class);

  private final SeedDemoLibraryHandler seed;

  public DemoLibrarySeeder(SeedDemoLibraryHandler seed) {
    this.seed = seed;
  }

  @Override
  public void run(ApplicationArguments args) {
    int added = seed.handle();
    if (added > 0) {
      log.info("catalog: seeded the demo library with {} films", added);
    }
  }
}
