package io.kinobezdna.catalog.adapter.in.startup;

import io.kinobezdna.catalog.application.command.WarmHomePostersHandler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Once the catalog has started (and seeded), warms the home page's posters on a background thread,
 * so start-up does not wait for it. The files service may not be up yet when the catalog is: a
 * failed round is tried again, backing off from 1 s to 20 s, for up to five minutes.
 */
public final class HomePostersWarmer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(HomePostersWarmer.class);

  private final WarmHomePostersHandler handler;
  private final RetryTemplate retries =
      new RetryTemplate(
          RetryPolicy.builder()
              .maxRetries(Long.MAX_VALUE)
              .delay(Duration.ofSeconds(1))
              .multiplier(2)
              .maxDelay(Duration.ofSeconds(20))
              .timeout(Duration.ofMinutes(5))
              .build());

  public HomePostersWarmer(WarmHomePostersHandler handler) {
    this.handler = handler;
  }

  @Override
  public void run(ApplicationArguments args) {
    Thread.ofPlatform()
        .name("home-posters")
        .daemon()
        .priority(Thread.MIN_PRIORITY)
        .start(this::warm);
  }

  private void warm() {
    try {
      int films = retries.execute(handler::handle);
      log.info("catalog: the posters of {} films on the home page are ready", films);
    } catch (RetryException e) {
      log.warn(
          "catalog: could not prepare the home page's posters, they render on first view: {}",
          e.getCause() == null ? e.getMessage() : e.getCause().toString());
    }
  }
}
