package io.kinobezdna.files.adapter.in.schedule;

import io.kinobezdna.files.application.command.ExtractMetadataHandler;
import io.kinobezdna.files.application.command.PurgeHandler;
import io.kinobezdna.files.application.port.BackgroundWork;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The service's own background work, on two threads: metadata extraction (polled, and woken at once
 * by every new file) and purging of deleted files. Several instances may run it: each claim in the
 * database is taken by one of them ({@code FOR UPDATE SKIP LOCKED}).
 */
public final class BackgroundWorkers implements BackgroundWork, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BackgroundWorkers.class);

  private final ExtractMetadataHandler extraction;
  private final PurgeHandler purge;
  private final Duration pollEvery;
  private final Duration purgeEvery;
  private ScheduledExecutorService extractor;
  private ScheduledExecutorService purger;

  public BackgroundWorkers(
      ExtractMetadataHandler extraction,
      PurgeHandler purge,
      Duration pollEvery,
      Duration purgeEvery) {
    this.extraction = extraction;
    this.purge = purge;
    this.pollEvery = pollEvery;
    this.purgeEvery = purgeEvery;
  }

  @Override
  public void fileAdded() {
    ScheduledExecutorService running = extractor;
    if (running != null && !running.isShutdown()) {
      running.execute(this::extractAll);
    }
  }

  /** Extracts until nothing is pending: a burst of uploads is worked through in one go. */
  private void extractAll() {
    try {
      while (extraction.handle()) {
        // next one
      }
    } catch (RuntimeException e) {
      log.warn("metadata extraction stopped; it resumes at the next poll", e);
    }
  }

  private void purgeAll() {
    try {
      while (purge.handle() > 0) {
        // next batch
      }
    } catch (RuntimeException e) {
      log.warn("purge of deleted files stopped; it resumes at the next run", e);
    }
  }

  @Override
  public synchronized void start() {
    extractor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("files-extract").daemon().factory());
    purger =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("files-purge").daemon().factory());
    extractor.scheduleWithFixedDelay(
        this::extractAll, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    purger.scheduleWithFixedDelay(
        this::purgeAll, purgeEvery.toMillis(), purgeEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    extractor.shutdownNow();
    purger.shutdownNow();
  }

  @Override
  public synchronized boolean isRunning() {
    return extractor != null && !extractor.isShutdown();
  }
}
