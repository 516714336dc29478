package io.kinobezdna.orders.adapter.in.scheduling;

import io.kinobezdna.orders.application.command.CancelExpiredOrdersHandler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the expiry of unpaid orders inside the service, every {@code interval}, on one background
 * thread per instance (instances share the work through SKIP LOCKED; no separate daemon).
 */
public final class ExpiredOrdersSweeper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExpiredOrdersSweeper.class);

  private final CancelExpiredOrdersHandler handler;
  private final Duration interval;
  private volatile boolean running;
  private Thread worker;

  public ExpiredOrdersSweeper(CancelExpiredOrdersHandler handler, Duration interval) {
    this.handler = handler;
    this.interval = interval;
  }

  public synchronized void start() {
    running = true;
    worker = Thread.ofPlatform().name("expired-orders").daemon().start(this::loop);
  }

  private void loop() {
    while (running) {
      try {
        int cancelled = handler.handle();
        if (cancelled > 0) {
          log.info("cancelled {} orders left unpaid", cancelled);
        }
      } catch (RuntimeException e) {
        log.warn("cancelling unpaid orders failed, trying again later: {}", e.getMessage());
      }
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public synchronized void close() throws InterruptedException {
    running = false;
    if (worker != null) {
      worker.interrupt();
      worker.join(Duration.ofSeconds(10));
    }
  }
}
