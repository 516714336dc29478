package io.kinobezdna.files.adapter.in.startup;

import io.kinobezdna.files.application.port.ObjectStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Creates the store's bucket when it is missing, once the service has started and before it reports
 * ready.
 */
public final class BucketCreator implements ApplicationRunner {

  private final ObjectStore store;

  public BucketCreator(ObjectStore store) {
    this.store = store;
  }

  @Override
  public void run(ApplicationArguments args) {
    store.ensureBucket();
  }
}
