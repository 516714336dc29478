package io.kinobezdna.cart.application.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs one function over many inputs with at most {@code workers} running at a time — our own take
 * on Go's errgroup with a limit, written out instead of borrowed from an executor so every
 * guarantee is visible here.
 *
 * <p><b>How it works.</b> {@link #map} starts {@code min(workers, inputs)} threads. They share one
 * {@link AtomicInteger} cursor: each worker claims the next index with {@code getAndIncrement} (so
 * every input is claimed exactly once, by exactly one worker), computes it, writes the result into
 * that index's slot of an array, and claims again until the cursor passes the end or the job is
 * stopped. The caller waits for every worker to finish ({@code join}) and then reads the array.
 *
 * <p><b>Guarantees and what they rely on.</b>
 *
 * <ul>
 *   <li><i>Bounded</i>: never more than {@code workers} inputs in flight per call — there are only
 *       that many threads, and a worker runs one input at a time.
 *   <li><i>Ordered results</i>: result i is the function of input i, whatever order they finish in,
 *       because each worker writes only the slot of the index it claimed. Reading the slots after
 *       {@code Thread.join} is safe: the Java memory model makes everything a thread did
 *       happen-before another thread's successful join of it.
 *   <li><i>First error cancels the rest</i>: the first failure is kept by a compare-and-set (later
 *       ones are dropped), workers stop claiming new inputs once it is set, and the workers still
 *       busy are interrupted — blocking gRPC calls and sleeps end on interruption — so the caller
 *       gets the first error without waiting for the other inputs.
 *   <li><i>Context cancellation</i>: the caller's {@link Cancellation} stops the job the same way
 *       (a {@link CancellationException} becomes the failure), and so does interrupting the caller
 *       while it waits. Either way no worker outlives the call: {@code map} returns or throws only
 *       after every worker has ended.
 *   <li><i>The caller's context travels</i>: each worker runs inside {@code propagate} (the request
 *       id, the caller's token, the gRPC deadline), so what it calls downstream is part of the same
 *       request.
 * </ul>
 */
public final class WorkerPool {

  private final int workers;
  private final UnaryOperator<Runnable> propagate;

  /**
   * @param workers most inputs worked on at once, per call
   * @param propagate wraps a worker's body so it runs in the caller's context; captured on the
   *     caller's thread
   */
  public WorkerPool(int workers, UnaryOperator<Runnable> propagate) {
    if (workers < 1) {
      throw new IllegalArgumentException("a pool needs at least one worker");
    }
    this.workers = workers;
    this.propagate = propagate;
  }

  public int workers() {
    return workers;
  }

  /**
   * The function applied to every input, results in input order.
   *
   * @throws RuntimeException the first failure of the function (as thrown; an Error too), or a
   *     {@link CancellationException} when the caller's context was cancelled first
   */
  public <T, R> List<R> map(List<T> inputs, Function<T, R> function, Cancellation cancellation) {
    int size = inputs.size();
    if (size == 0) {
      return List.of();
    }
    Object[] results = new Object[size];
    AtomicInteger cursor = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();

    Runnable work =
        propagate.apply(
            () -> {
              while (failure.get() == null) {
                int index = cursor.getAndIncrement();
                if (index >= size) {
                  return;
                }
                try {
                  results[index] = function.apply(inputs.get(index));
                } catch (RuntimeException | Error e) {
                  // an Error counts too: a slot left empty must never pass for a result
                  if (failure.compareAndSet(null, e)) {
                    interruptAll(threads);
                  }
                  return;
                }
              }
            });

    // Registered before any worker starts: a request cancelled already stops the job at once
    // (the workers then find the failure set before they claim anything).
    try (Cancellation.Registration ignored =
        cancellation.onCancel(() -> stop(failure, threads, "the request was cancelled"))) {
      // Started under the list's lock, so interruptAll (which takes it too) never sees a half list.
      synchronized (threads) {
        for (int i = 0; i < Math.min(workers, size); i++) {
          threads.add(Thread.ofVirtual().name("worker-pool-", i).start(work));
        }
      }
      awaitAll(threads, failure);
    }
    switch (failure.get()) {
      case null -> {}
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IllegalStateException(failure.get());
    }
    @SuppressWarnings("unchecked")
    List<R> ordered = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
    return ordered;
  }

  /** Waits for every worker; an interrupted caller stops the job but still waits for the end. */
  private static void awaitAll(List<Thread> threads, AtomicReference<Throwable> failure) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          stop(failure, threads, "the caller was interrupted");
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(AtomicReference<Throwable> failure, List<Thread> threads, String why) {
    if (failure.compareAndSet(null, new CancellationException(why))) {
      interruptAll(threads);
    }
  }

  private static void interruptAll(List<Thread> threads) {
    synchronized (threads) {
      for (Thread thread : threads) {
        if (thread != Thread.currentThread()) {
          thread.interrupt();
        }
      }
    }
  }
}
